using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Repatriation.Core.Evaluation;

/// <summary>
/// A ratchet: per part (regression and held-out), the value each floored measure must still reach, set at what
/// the engine reached when the floor was written (rounded down to two decimals; a ceiling for a lower-is-better
/// measure is rounded up). CI fails when a floor is broken, and also when a figure has run more than
/// <see cref="Slack"/> ahead of its floor, so that the floors are raised as the engine improves and a later
/// regression cannot hide in the gap. Kept in eval/floors.json and written by <c>eval --write-floors</c>.
/// </summary>
public sealed record EvaluationFloors(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Parts)
{
    public const double Slack = 0.02;
    public static readonly string RelativePath = Path.Combine("eval", "floors.json");
    public const string WriteCommand = "dotnet run --project src/Repatriation.Cli -- eval --write-floors";

    private const string About =
        "Floors CI asserts per corpus part (for true-flagged and non-claims-reported: ceilings), set at what the engine " +
        "reached, rounded down (ceilings up) to two decimals. Written by `eval --write-floors`; a test fails when a floor " +
        "is broken and when a figure is more than 0.02 better than its floor (then raise it). Measures: eval/README.md.";

    public static EvaluationFloors Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, double>>());

    /// <summary>The part's floors; empty when none were ever written for it.</summary>
    public IReadOnlyDictionary<string, double> For(string part) =>
        Parts.TryGetValue(part, out var floors) ? floors : new Dictionary<string, double>();

    /// <summary>Every floored measure of the part's figures against its floor (null when the file has none for it).</summary>
    public IReadOnlyList<FloorCheck> Check(EvaluationResult result)
    {
        var floors = For(result.Part);
        return [.. EvaluationMeasures.Floored.Select(m => new FloorCheck(
            result.Part, m, m.Of(result.Measures), floors.TryGetValue(m.Id, out var f) ? f : null))];
    }

    /// <summary>
    /// These floors with the part's set at its current figures. A measure with nothing counted gets no floor. An empty
    /// part gets an empty entry (its floors test is skipped until it holds passages).
    /// </summary>
    public EvaluationFloors WithReached(EvaluationResult result)
    {
        var parts = Parts.ToDictionary(p => p.Key, p => p.Value);
        parts[result.Part] = EvaluationMeasures.Floored
            .Where(m => m.Of(result.Measures).Value is not null)
            .ToDictionary(m => m.Id, m => m.BoundAt(m.Of(result.Measures).Value!.Value));
        return new EvaluationFloors(parts);
    }

    /// <summary>What <paramref name="next"/> changes against these floors, one line per changed floor, in capitals when one is loosened.</summary>
    public IReadOnlyList<string> Changes(EvaluationFloors next)
    {
        var lines = new List<string>();
        foreach (var part in CorpusParts.WithFloors)
        {
            var before = For(part);
            var after = next.For(part);
            foreach (var m in EvaluationMeasures.Floored)
            {
                var had = before.TryGetValue(m.Id, out var b) ? b : (double?)null;
                var has = after.TryGetValue(m.Id, out var a) ? a : (double?)null;
                if (had == has)
                {
                    continue;
                }

                var word = had is null ? "set" : has is null ? "removed" : m.Margin(has.Value, had.Value) > 0 ? "tightened" : "LOOSENED";
                lines.Add($"{part} {m.Id}: {word} {(had is { } h ? MeasureDefinition.Format(h) : "-")} -> {(has is { } x ? MeasureDefinition.Format(x) : "-")}");
            }
        }

        return lines;
    }

    public static EvaluationFloors Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FloorsFileException($"cannot read the floors file {path}: {e.Message}");
        }

        return Parse(json, path);
    }

    /// <summary>Refuses an unknown part or measure, or a value outside 0–1, naming the file and the entry.</summary>
    public static EvaluationFloors Parse(string json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FloorsFileException($"{file}: not JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FloorsFileException($"{file}: the floors file must hold an object of parts");
            }

            var parts = new Dictionary<string, IReadOnlyDictionary<string, double>>();
            foreach (var part in document.RootElement.EnumerateObject())
            {
                if (part.Name == "about")
                {
                    continue;
                }

                if (!CorpusParts.WithFloors.Contains(part.Name) || part.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new FloorsFileException($"{file}: '{part.Name}' is not a part with floors (one of {string.Join(", ", CorpusParts.WithFloors)}, each an object of measure: value)");
                }

                var floors = new Dictionary<string, double>();
                foreach (var entry in part.Value.EnumerateObject())
                {
                    if (EvaluationMeasures.Find(entry.Name) is not { Floored: true })
                    {
                        throw new FloorsFileException($"{file}: {part.Name}.{entry.Name} is not a floored measure (one of {string.Join(", ", EvaluationMeasures.Floored.Select(m => m.Id))})");
                    }

                    if (entry.Value.ValueKind != JsonValueKind.Number || entry.Value.GetDouble() is < 0 or > 1)
                    {
                        throw new FloorsFileException($"{file}: {part.Name}.{entry.Name} must be a number from 0 to 1, not {entry.Value.GetRawText()}");
                    }

                    floors[entry.Name] = entry.Value.GetDouble();
                }

                parts[part.Name] = floors;
            }

            return new EvaluationFloors(parts);
        }
    }

    /// <summary>The file's text: parts and measures in a fixed order, so a rewrite changes only the lines whose floor moved.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("about", About);
            foreach (var part in CorpusParts.WithFloors.Where(Parts.ContainsKey))
            {
                writer.WriteStartObject(part);
                foreach (var m in EvaluationMeasures.Floored.Where(m => Parts[part].ContainsKey(m.Id)))
                {
                    writer.WriteNumber(m.Id, Math.Round(Parts[part][m.Id], 2));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

/// <summary>One floored measure of one part against its floor.</summary>
public sealed record FloorCheck(string Part, MeasureDefinition Measure, Ratio Measured, double? Floor)
{
    /// <summary>Below its floor (above its ceiling), or no longer measurable while a floor is set.</summary>
    public bool Broken => Floor is { } f && (Measured.Value is not { } v || !Measure.Reaches(v, f));

    /// <summary>Measurable, but the floors file has no floor for it.</summary>
    public bool Missing => Floor is null && Measured.Value is not null;

    /// <summary>More than <see cref="EvaluationFloors.Slack"/> better than its floor: time to raise it.</summary>
    public bool TooLoose => Floor is { } f && Measured.Value is { } v && Measure.Margin(v, f) > EvaluationFloors.Slack + MeasureDefinition.Tolerance;

    private string Bound => Measure.LowerIsBetter ? "ceiling" : "floor";

    public string Describe()
    {
        var part = CorpusParts.DisplayName(Part);
        if (Floor is not { } f)
        {
            return Missing
                ? $"{part}: {Measure.Name} ({Measure.Id}) is {Measured} and has no {Bound} in {EvaluationFloors.RelativePath}; set it with `{EvaluationFloors.WriteCommand}`"
                : $"{part}: {Measure.Name} ({Measure.Id}): nothing counted, no {Bound}";
        }

        if (Broken)
        {
            return Measured.Value is null
                ? $"{part}: {Measure.Name} ({Measure.Id}) has a {Bound} of {MeasureDefinition.Format(f)} but nothing was counted"
                : $"{part}: {Measure.Name} ({Measure.Id}) is {Measured}, {(Measure.LowerIsBetter ? "above its ceiling" : "below its floor")} {MeasureDefinition.Format(f)}";
        }

        if (TooLoose)
        {
            return $"{part}: {Measure.Name} ({Measure.Id}) is {Measured}, more than {MeasureDefinition.Format(EvaluationFloors.Slack)} better than its {Bound} {MeasureDefinition.Format(f)}: " +
                $"{(Measure.LowerIsBetter ? "lower the ceiling" : "raise the floor")} (run `{EvaluationFloors.WriteCommand}` and commit {EvaluationFloors.RelativePath})";
        }

        return $"{part}: {Measure.Name} ({Measure.Id}) is {Measured}, {Bound} {Measure.Comparison} {MeasureDefinition.Format(f)}: kept";
    }

    public override string ToString() => Describe();
}

/// <summary>eval/floors.json cannot be read or holds an unknown part or measure; the message names the file and entry.</summary>
public sealed class FloorsFileException(string message) : Exception(message);
