using System.Globalization;
using Repatriation.Core.Checking;
using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;
using Repatriation.Core.Rules;

namespace Repatriation.Core.Tests.Rules;

/// <summary>
/// Runs every example of every rule in Rules/engine-rules.json against the small fact set beside this file, and
/// shows that each number matters: changed by its step either way, some example of that number fails.
/// </summary>
public class RuleExamplesTests
{
    private static readonly Lazy<FactSet> RuleFacts = new(() =>
        FactSetJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "rule-facts.json"))));

    private static readonly Lazy<CompiledFactSet> Compiled = new(() => CompiledFactSet.Compile(RuleFacts.Value, EngineRules.Default));

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        var document = EngineRules.Default.Document;
        foreach (var (name, rule) in document.Words)
        {
            for (var i = 0; i < rule.Examples.Count; i++)
            {
                data.Add($"words/{name}/{i}");
            }
        }

        foreach (var (name, rule) in document.Numbers)
        {
            for (var i = 0; i < rule.Examples.Count; i++)
            {
                data.Add($"numbers/{name}/{i}");
            }
        }

        return data;
    }

    public static TheoryData<string> NumberNames() => [.. EngineRules.Default.Document.Numbers.Keys];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_WithTheShippedRules_Holds(string id)
    {
        var example = ExampleOf(id);
        var failures = Run(example, Compiled.Value);
        Assert.True(failures.Count == 0, $"{id}: {example.Text}\n  " + string.Join("\n  ", failures));
    }

    [Theory]
    [MemberData(nameof(NumberNames))]
    public void Number_ChangedByItsStep_FailsOneOfItsExamples(string name)
    {
        var rule = EngineRules.Default.Document.Numbers[name];
        Assert.True(rule.Examples.Count >= 2, $"{name} needs examples on both sides of {rule.Value}");
        foreach (var sign in new[] { -1, 1 })
        {
            var changed = Math.Round(rule.Value + sign * rule.Step, 6);
            var facts = CompiledFactSet.Compile(RuleFacts.Value, EngineRules.Default.WithNumber(name, changed));
            var failing = rule.Examples.Count(e => Run(e, facts).Count > 0);
            Assert.True(failing > 0, $"{name} = {changed.ToString(CultureInfo.InvariantCulture)} (not {rule.Value.ToString(CultureInfo.InvariantCulture)}) still passes every example: add one at the boundary.");
        }
    }

    [Fact]
    public void RulesFile_EveryListAndNumber_IsReadByTheEngineAndHasExamples()
    {
        var rules = EngineRules.Default;
        Assert.Equal(rules.Document.Words.Keys.Order(StringComparer.Ordinal), rules.Words.Read.Order(StringComparer.Ordinal));
        Assert.Equal(rules.Document.Numbers.Keys.Order(StringComparer.Ordinal), RuleNumbers.Names.Order(StringComparer.Ordinal));
        var withoutExamples = rules.Document.Words.Where(w => w.Value.Examples.Count == 0).Select(w => w.Key)
            .Concat(rules.Document.Numbers.Where(n => n.Value.Examples.Count == 0).Select(n => n.Key)).ToList();
        Assert.True(withoutExamples.Count == 0, "Rules without examples: " + string.Join(", ", withoutExamples));
    }

    private static RuleExample ExampleOf(string id)
    {
        var parts = id.Split('/');
        var document = EngineRules.Default.Document;
        var index = int.Parse(parts[2], CultureInfo.InvariantCulture);
        return parts[0] == "words" ? document.Words[parts[1]].Examples[index] : document.Numbers[parts[1]].Examples[index];
    }

    /// <summary>What is wrong with the engine's report of the example's text, one line per problem.</summary>
    internal static List<string> Run(RuleExample example, CompiledFactSet facts)
    {
        var text = example.Text;
        var extracted = new ClaimExtractor().Extract(text, facts);
        var matched = new ClaimMatcher().MatchAll(extracted, text, facts);
        // Claims the matcher finds to be about another matter are not reported, as in the checker.
        var kept = Enumerable.Range(0, extracted.Count).Where(i => matched[i].IsClaim).ToList();
        var claims = kept.Select(i => extracted[i]).ToList();
        var outcomes = kept.Select(i => matched[i]).ToList();
        var failures = new List<string>();
        foreach (var (key, expected) in example.Expect)
        {
            var (span, offset) = Locate(text, key);
            if (offset < 0)
            {
                failures.Add($"'{key}' is not in the text");
                continue;
            }

            var i = Find(claims, c => c.Offset == offset && c.Text == span && (expected.Kind is null || ClaimChecker.KindName(c.Kind) == expected.Kind));
            if (i < 0)
            {
                var found = string.Join(", ", claims.Select(c => $"{ClaimChecker.KindName(c.Kind)} '{c.Text}'"));
                failures.Add($"no claim '{span}' (found: {found})");
                continue;
            }

            var claim = claims[i];
            var outcome = outcomes[i];
            if (expected.Status is { } status && outcome.Status != status)
            {
                failures.Add($"'{span}' is {outcome.Status}, not {status}: {outcome.Message}");
            }

            if (expected.Unit is { } unit && claim.Figure?.Unit != unit)
            {
                failures.Add($"'{span}' counts {claim.Figure?.Unit ?? "nothing"}, not {unit}");
            }

            if (expected.Person is { } person && claim.PersonId != person)
            {
                failures.Add($"'{span}' names {claim.PersonId ?? "nobody known"}, not {person}");
            }

            if (expected.MinConfidence is { } min && outcome.Confidence < min - 1e-9)
            {
                failures.Add($"'{span}' has confidence {outcome.Confidence.ToString(CultureInfo.InvariantCulture)}, below {min.ToString(CultureInfo.InvariantCulture)}");
            }

            if (expected.MaxConfidence is { } max && outcome.Confidence > max + 1e-9)
            {
                failures.Add($"'{span}' has confidence {outcome.Confidence.ToString(CultureInfo.InvariantCulture)}, above {max.ToString(CultureInfo.InvariantCulture)}");
            }

            if (expected.Object is { } what && claim.ObjectText != what)
            {
                failures.Add($"'{span}' credits '{claim.ObjectText}', not '{what}'");
            }

            if (expected.Message is { } words && !outcome.Message.Contains(words, StringComparison.Ordinal))
            {
                failures.Add($"'{span}' message lacks '{words}': {outcome.Message}");
            }
        }

        foreach (var key in example.Absent)
        {
            var (span, offset) = Locate(text, key);
            if (offset < 0)
            {
                failures.Add($"'{key}' is not in the text");
                continue;
            }

            foreach (var claim in claims.Where(c => c.Offset < offset + span.Length && offset < c.Offset + c.Length))
            {
                failures.Add($"'{span}' is reported as {ClaimChecker.KindName(claim.Kind)} '{claim.Text}'");
            }
        }

        return failures;
    }

    private static int Find(IReadOnlyList<ExtractedClaim> claims, Func<ExtractedClaim, bool> match)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            if (match(claims[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"1945#1" is the second occurrence of "1945".</summary>
    private static (string Span, int Offset) Locate(string text, string key)
    {
        var hash = key.LastIndexOf('#');
        var occurrence = 0;
        var span = key;
        if (hash > 0 && int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            occurrence = n;
            span = key[..hash];
        }

        var offset = -1;
        for (var k = 0; k <= occurrence; k++)
        {
            offset = text.IndexOf(span, offset + 1, StringComparison.Ordinal);
            if (offset < 0)
            {
                break;
            }
        }

        return (span, offset);
    }
}
