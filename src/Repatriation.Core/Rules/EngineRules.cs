using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repatriation.Core.Rules;

/// <summary>
/// The engine's judgement calls, kept as data in <c>engine-rules.json</c> (as LanguageTool and Vale keep
/// rules): the word lists that tell a claim from a non-claim, a name from a place, a cue from a noun, and the
/// distances and thresholds the matcher weighs readings by. Each rule carries example sentences that a test
/// runs, and a test changes every number by its step to show that some example then fails.
/// </summary>
/// <remarks>
/// Word lists are read through <see cref="Words"/>; numbers through the typed properties, which the matcher
/// reads from the rules its compiled fact set was built with (so a test can build one with a number changed).
/// </remarks>
public sealed class EngineRules
{
    private const string ResourceName = "Repatriation.Rules.engine-rules.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<EngineRules> Shipped = new(() => Parse(ReadShippedJson()));

    /// <summary>The rules that ship inside the library.</summary>
    public static EngineRules Default => Shipped.Value;

    private readonly Dictionary<string, double> _numbers;

    private EngineRules(RulesDocument document, Lexicon words, Dictionary<string, double> numbers)
    {
        Document = document;
        Words = words;
        _numbers = numbers;
        Numbers = RuleNumbers.From(Number);
    }

    /// <summary>The numbers, typed, as the engine reads them.</summary>
    public RuleNumbers Numbers { get; }

    /// <summary>The rules as written, with their explanations and examples.</summary>
    public RulesDocument Document { get; }

    /// <summary>The word lists, by purpose.</summary>
    public Lexicon Words { get; }

    /// <summary>A number rule's value by its name in the rules file.</summary>
    public double Number(string name) =>
        _numbers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The rules define no number '{name}'.");

    /// <summary>The same rules with one number changed (for tests that show every number matters).</summary>
    public EngineRules WithNumber(string name, double value)
    {
        if (!_numbers.ContainsKey(name))
        {
            throw new KeyNotFoundException($"The rules define no number '{name}'.");
        }

        var numbers = new Dictionary<string, double>(_numbers, StringComparer.Ordinal) { [name] = value };
        return new EngineRules(Document, Words, numbers);
    }

    public static string ReadShippedJson()
    {
        using var stream = typeof(EngineRules).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The rules resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a rules file; every word list and number the engine reads must be there.</summary>
    public static EngineRules Parse(string json)
    {
        var document = JsonSerializer.Deserialize<RulesDocument>(json, JsonOptions)
                       ?? throw new InvalidDataException("The rules file is empty.");
        var numbers = document.Numbers.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
        return new EngineRules(document, new Lexicon(document.Words), numbers);
    }
}

/// <summary>The rules file: word lists and numbers by name.</summary>
public sealed record RulesDocument
{
    public string? Description { get; init; }
    public required IReadOnlyDictionary<string, WordRule> Words { get; init; }
    public required IReadOnlyDictionary<string, NumberRule> Numbers { get; init; }
}

public sealed record WordRule
{
    public required string Why { get; init; }
    /// <summary>Capitalisation matters ("Order 270" but not "in order 270 men…").</summary>
    public bool CaseSensitive { get; init; }
    /// <summary>The words or phrases (for lists).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];
    /// <summary>Base form to the forms that mean it (for maps such as reporting verbs).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Forms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<RuleExample> Examples { get; init; } = [];
}

public sealed record NumberRule
{
    public required double Value { get; init; }
    /// <summary>The smallest change that must make an example fail (1 for distances in words).</summary>
    public double Step { get; init; } = 1;
    public required string Why { get; init; }
    public IReadOnlyList<RuleExample> Examples { get; init; } = [];
}

/// <summary>
/// A short text and what the engine must report in it: claims by their text (a status, or "claim" for any), and
/// texts that no reported claim may touch.
/// </summary>
public sealed record RuleExample
{
    public required string Text { get; init; }
    /// <summary>Claim text (with "#n" for its n-th occurrence) to the expected status or details.</summary>
    public IReadOnlyDictionary<string, ClaimExpectation> Expect { get; init; } = new Dictionary<string, ClaimExpectation>();
    /// <summary>Texts that must not be, or be inside, any reported claim.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];
    public string? Note { get; init; }
}

/// <summary>What one expected claim must be; a bare string in the file is its status ("claim": any status).</summary>
[JsonConverter(typeof(ClaimExpectationConverter))]
public sealed record ClaimExpectation
{
    public string? Status { get; init; }
    public string? Kind { get; init; }
    public string? Unit { get; init; }
    public string? Person { get; init; }
    public double? MinConfidence { get; init; }
    public double? MaxConfidence { get; init; }
    /// <summary>Words the claim's message must contain.</summary>
    public string? Message { get; init; }
    /// <summary>What an attribution credits (a title, the quoted words, the act's object), as written.</summary>
    public string? Object { get; init; }
}

internal sealed class ClaimExpectationConverter : JsonConverter<ClaimExpectation>
{
    public override ClaimExpectation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var status = reader.GetString();
            return new ClaimExpectation { Status = status == "claim" ? null : status };
        }

        using var element = JsonDocument.ParseValue(ref reader);
        var root = element.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        double? Real(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("status" or "kind" or "unit" or "person" or "minConfidence" or "maxConfidence" or "message" or "object"))
            {
                throw new JsonException($"Unknown expectation '{property.Name}'.");
            }
        }

        var given = Text("status");
        return new ClaimExpectation
        {
            Status = given == "claim" ? null : given,
            Kind = Text("kind"),
            Unit = Text("unit"),
            Person = Text("person"),
            MinConfidence = Real("minConfidence"),
            MaxConfidence = Real("maxConfidence"),
            Message = Text("message"),
            Object = Text("object"),
        };
    }

    public override void Write(Utf8JsonWriter writer, ClaimExpectation value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}
