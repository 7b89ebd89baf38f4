using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repatriation.Core.Reports;

/// <summary>How reports are written as JSON: camelCase, nulls kept (the contract lists null fields), UTF-8 text unescaped.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(CheckReport report) => JsonSerializer.Serialize(report, Options);

    public static string Serialize(IReadOnlyList<CheckReport> reports) => JsonSerializer.Serialize(reports, Options);
}
