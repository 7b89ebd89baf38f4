using System.Text.Json;
using System.Text.Json.Nodes;
using Repatriation.Core.Reports;
using Repatriation.Core.Review;

namespace Repatriation.Api.Handlers;

/// <summary>
/// The optional review fields of a JSON check request, <c>"decisions": [...]</c> (the decisions file's array) and
/// <c>"baseline": {…}</c> (an earlier JSON or SARIF report), read in a pass of their own over the body so the
/// handlers' reading of "text" and "name" stays as it is.
/// </summary>
public sealed record ReviewFields(IReadOnlyList<Decision>? Decisions, BaselineFile? Baseline)
{
    public static readonly ReviewFields None = new(null, null);

    /// <summary>False with a message for a 400 when a field is there but not usable.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out ReviewFields fields, out string error)
    {
        fields = None;
        error = "";
        JsonNode? decisions = null, baseline = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return true;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isDecisions = reader.ValueTextEquals("decisions"u8);
                var isBaseline = reader.ValueTextEquals("baseline"u8);
                reader.Read();
                if (isDecisions)
                {
                    decisions = JsonNode.Parse(ref reader);
                }
                else if (isBaseline)
                {
                    baseline = JsonNode.Parse(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // The handler's own reading reports malformed JSON.
            return true;
        }

        try
        {
            fields = new ReviewFields(
                decisions is null ? null : DecisionsFile.ParseArray(decisions, "the field \"decisions\""),
                baseline is null ? null : BaselineFile.FromNode(baseline, "the field \"baseline\""));
            return true;
        }
        catch (Exception e) when (e is InvalidDecisionsException or InvalidBaselineException)
        {
            error = e.Message;
            return false;
        }
    }

    public CheckReport Apply(CheckReport report) =>
        Decisions is null && Baseline is null ? report : ReportReview.Apply(report, Decisions, Baseline?.For(report.Document.Name), Baseline is not null);

    /// <summary>The review a streamed check of the document named <paramref name="name"/> marks its claims with.</summary>
    public ClaimReview For(string? name) => new(Decisions, Baseline?.For(name), Baseline is not null);
}
