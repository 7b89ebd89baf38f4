using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Repatriation.Infra.Tests;

/// <summary>
/// A value only known at deployment time (a reference(), a resourceId(), a uniqueString()), kept as readable text
/// such as <c>reference(Microsoft.Storage/storageAccounts).primaryEndpoints.blob</c> so tests can say what it points at.
/// </summary>
public sealed record DeploymentValue(string Text)
{
    public override string ToString() => "{" + Text + "}";
}

/// <summary>
/// Evaluates the part of the ARM template expression language that Bicep emits for this template:
/// literals, variables(), parameters(), format(), string(), concat(), length(), toLower(), copyIndex(),
/// property access and indexing. Deployment-time functions become <see cref="DeploymentValue"/>s.
/// Values are string, long, bool, null, List&lt;object?&gt;, Dictionary&lt;string, object?&gt; or DeploymentValue.
/// </summary>
public sealed class ArmExpressions(
    JsonElement variables,
    IReadOnlyDictionary<string, JsonElement> parameterValues,
    JsonElement parameterDefinitions)
{
    public object? Resolve(JsonElement element, int? copyIndex = null) => element.ValueKind switch
    {
        JsonValueKind.String => ResolveString(element.GetString()!, copyIndex),
        JsonValueKind.Number => element.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => element.EnumerateArray().Select(item => Resolve(item, copyIndex)).ToList(),
        JsonValueKind.Object => element.EnumerateObject()
            .ToDictionary(property => ResolveString(property.Name, copyIndex)?.ToString() ?? "", property => Resolve(property.Value, copyIndex)),
        _ => throw new NotSupportedException(element.ValueKind.ToString()),
    };

    /// <summary>The value as text; deployment-time parts appear in braces.</summary>
    public string? ResolveText(JsonElement element, int? copyIndex = null) => Render(Resolve(element, copyIndex));

    private object? ResolveString(string value, int? copyIndex)
    {
        // "[[" escapes a literal string that starts with a bracket.
        if (value.Length < 2 || value[0] != '[' || value[^1] != ']' || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;
        }

        var parser = new Parser(value[1..^1]);
        var expression = parser.ParseExpression();
        parser.ExpectEnd();
        return Evaluate(expression, copyIndex);
    }

    private object? Evaluate(Node node, int? copyIndex) => node switch
    {
        Literal literal => literal.Value,
        Member member => Evaluate(member.Target, copyIndex) switch
        {
            DeploymentValue deployment => new DeploymentValue($"{deployment.Text}.{member.Name}"),
            Dictionary<string, object?> map => map.TryGetValue(member.Name, out var found)
                ? found
                : throw new KeyNotFoundException($"No property {member.Name}"),
            var other => throw new InvalidOperationException($"Cannot read .{member.Name} of {other}"),
        },
        Index index => (Evaluate(index.Target, copyIndex), Evaluate(index.Key, copyIndex)) switch
        {
            (List<object?> list, long at) => list[(int)at],
            (Dictionary<string, object?> map, string key) => map[key],
            (var target, var key) => new DeploymentValue($"{Render(target)}[{Render(key)}]"),
        },
        Call call => Invoke(call, copyIndex),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private object? Invoke(Call call, int? copyIndex)
    {
        var args = call.Arguments.Select(argument => Evaluate(argument, copyIndex)).ToList();
        switch (call.Name.ToLowerInvariant())
        {
            case "variables":
                return Resolve(variables.GetProperty((string)args[0]!), copyIndex);
            case "parameters":
                var name = (string)args[0]!;
                if (parameterValues.TryGetValue(name, out var supplied))
                {
                    return Resolve(supplied);
                }

                return parameterDefinitions.GetProperty(name).TryGetProperty("defaultValue", out var fallback)
                    ? Resolve(fallback)
                    : new DeploymentValue($"parameters({name})");
            case "copyindex":
                return copyIndex is { } at ? (long)at : throw new InvalidOperationException("copyIndex() outside a copy loop");
            case "format" when args.Count > 0 && args[0] is string format:
                return string.Format(CultureInfo.InvariantCulture, format, args.Skip(1).Select(Render).ToArray<object?>());
            case "concat" when args.All(arg => arg is not List<object?>):
                return string.Concat(args.Select(Render));
            case "string" when args is [string or long or bool]:
                return Render(args[0]);
            case "tolower" when args is [string text]:
                return text.ToLowerInvariant();
            case "length" when args is [List<object?> list]:
                return (long)list.Count;
            case "length" when args is [string text]:
                return (long)text.Length;
            case "not" when args is [bool flag]:
                return !flag;
            case "empty" when args is [string text]:
                return text.Length == 0;
            case "resourceid" when args is [string type, ..]:
                // The type is enough to tell which resource of this template an id points at.
                return new DeploymentValue($"resourceId({type})");
            case "subscriptionresourceid" when args.All(arg => arg is string):
                // Role definitions: the type and the role's GUID are what matter.
                return new DeploymentValue($"subscriptionResourceId({string.Join("/", args)})");
            case "reference" when args.Count > 0:
                // reference(resourceId(T)) reads as reference(T).
                var target = args[0] is DeploymentValue { Text: var id } && id.StartsWith("resourceId(", StringComparison.Ordinal)
                    ? id["resourceId(".Length..^1]
                    : Render(args[0]);
                return new DeploymentValue($"reference({target})");
            default:
                return new DeploymentValue($"{call.Name}({string.Join(", ", args.Select(Render))})");
        }
    }

    public static string? Render(object? value) => value switch
    {
        null => null,
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "True" : "False",
        DeploymentValue deployment => deployment.ToString(),
        List<object?> list => "[" + string.Join(", ", list.Select(Render)) + "]",
        Dictionary<string, object?> map => "{" + string.Join(", ", map.Select(pair => $"{pair.Key}: {Render(pair.Value)}")) + "}",
        _ => value.ToString(),
    };

    private abstract record Node;

    private sealed record Literal(object? Value) : Node;

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node;

    private sealed record Member(Node Target, string Name) : Node;

    private sealed record Index(Node Target, Node Key) : Node;

    private sealed class Parser(string text)
    {
        private int position;

        public Node ParseExpression()
        {
            var node = ParsePrimary();
            while (true)
            {
                SkipSpaces();
                if (TryTake('.'))
                {
                    node = new Member(node, ReadIdentifier());
                }
                else if (TryTake('['))
                {
                    var key = ParseExpression();
                    Expect(']');
                    node = new Index(node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (position != text.Length)
            {
                throw new FormatException($"Unexpected '{text[position..]}' in [{text}]");
            }
        }

        private Node ParsePrimary()
        {
            SkipSpaces();
            if (position >= text.Length)
            {
                throw new FormatException($"Expression ends early: [{text}]");
            }

            var next = text[position];
            if (next == '\'')
            {
                return new Literal(ReadString());
            }

            if (char.IsDigit(next) || next == '-')
            {
                var start = position++;
                while (position < text.Length && char.IsDigit(text[position]))
                {
                    position++;
                }

                return new Literal(long.Parse(text[start..position], CultureInfo.InvariantCulture));
            }

            var name = ReadIdentifier();
            if (name is "true" or "false" or "null" && !Peek('('))
            {
                return new Literal(name == "null" ? null : name == "true");
            }

            Expect('(');
            var arguments = new List<Node>();
            SkipSpaces();
            if (!TryTake(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpaces();
                }
                while (TryTake(','));
                Expect(')');
            }

            return new Call(name, arguments);
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            position++;
            while (true)
            {
                if (position >= text.Length)
                {
                    throw new FormatException($"Unterminated string in [{text}]");
                }

                var c = text[position++];
                if (c == '\'')
                {
                    if (position < text.Length && text[position] == '\'')
                    {
                        builder.Append('\'');
                        position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }
        }

        private string ReadIdentifier()
        {
            SkipSpaces();
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$'))
            {
                position++;
            }

            return position > start ? text[start..position] : throw new FormatException($"Identifier expected at {position} in [{text}]");
        }

        private bool Peek(char c)
        {
            SkipSpaces();
            return position < text.Length && text[position] == c;
        }

        private bool TryTake(char c)
        {
            if (!Peek(c))
            {
                return false;
            }

            position++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw new FormatException($"'{c}' expected at {position} in [{text}]");
            }
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }
}
