using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repatriation.Core.Reports;

/// <summary>How reports are written as JSON: camelCase, nulls kept (the contract lists null fields), UTF-8 text unescaped.</summary>
public static class ReportJson
{
    /// <summary>For reading reports and for JSON that is not a report; reports themselves go through <see cref="JsonReportWriter"/>.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A whole report as a string (tests, small answers); hosts stream it with <see cref="JsonReportWriter"/>.</summary>
    public static string Serialize(CheckReport report) => Serialize([report], JsonReportLayout.Object);

    public static string Serialize(IReadOnlyList<CheckReport> reports) => Serialize(reports, JsonReportLayout.Array);

    private static string Serialize(IReadOnlyList<CheckReport> reports, JsonReportLayout layout)
    {
        using var buffer = new MemoryStream();
        using (var writer = new JsonReportWriter(buffer, layout))
        {
            foreach (var report in reports)
            {
                ReportSinks.Replay(report, writer.Report());
            }

            writer.Complete();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
