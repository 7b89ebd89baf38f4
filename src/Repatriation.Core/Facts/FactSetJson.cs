using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repatriation.Core.Facts;

/// <summary>One place for how fact sets and reports are (de)serialised, so every host agrees.</summary>
public static class FactSetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Parses a fact set; throws <see cref="JsonException"/> when the JSON does not fit the model.</summary>
    public static FactSet Parse(string json) =>
        JsonSerializer.Deserialize<FactSet>(json, Options) ?? throw new JsonException("The fact set is empty (JSON null).");

    public static string Serialize(FactSet factSet) => JsonSerializer.Serialize(factSet, Options);
}
