using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Repatriation.Api.LanguageTool;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Api.Handlers;

/// <summary>
/// POST /api/v2/check: LanguageTool's check, so a writing tool pointed at this server's /api shows our
/// flags as its matches. Parameters come as LanguageTool takes them: form fields
/// (x-www-form-urlencoded or multipart) or the query string.
/// </summary>
public sealed class LanguageToolCheckHandler(
    ClaimChecker checker,
    IFactSetProvider facts,
    LanguageToolReportMapper mapper,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<LanguageToolCheckHandler> logger)
    : ApiHandler(logger)
{
    // A form value may percent-encode every UTF-8 byte (3 characters each) and data's JSON may escape
    // every character as \uXXXX first, so the body may be that much larger than the text it carries.
    private const int FormExpansion = 3 * 6;
    private const int EnvelopeBytes = 64 * 1024;

    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var limit = options.Value.MaxTextBytes;
        var bodyCap = (long)limit * FormExpansion + EnvelopeBytes;

        var parameters = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value;
        }

        if (request.HasFormContentType)
        {
            if (request.ContentLength is { } declared && declared > bodyCap)
            {
                return Problems.TooLarge(request,
                    $"The request body is {declared:N0} bytes, more than a form holding the largest accepted text can be ({bodyCap:N0} bytes); the limit is {limit:N0} bytes of UTF-8 text.");
            }

            if (await RequestBodies.CheckFormBytesAsync(request, bodyCap,
                    $"a form holding the largest accepted text is at most {bodyCap:N0} bytes; the limit is {limit:N0} bytes of UTF-8 text.", cancellationToken) is { } invalid)
            {
                return invalid;
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions
                {
                    ValueLengthLimit = (int)Math.Min(int.MaxValue, bodyCap),
                    MultipartBodyLengthLimit = bodyCap,
                    BufferBodyLengthLimit = bodyCap,
                }, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                return e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                    ? Problems.TooLarge(request, $"The form is larger than this server accepts ({bodyCap:N0} bytes); the limit is {limit:N0} bytes of UTF-8 text.")
                    : Problems.BadRequest(request, $"The form could not be read: {e.Message}");
            }

            // Form fields win over the query string, as a servlet's parameters list the body's first.
            foreach (var (key, value) in form)
            {
                parameters[key] = value;
            }
        }
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            return Problems.UnsupportedMediaType(request,
                $"Send the parameters as application/x-www-form-urlencoded or multipart/form-data, as LanguageTool takes them (Content-Type was '{request.ContentType ?? "missing"}'). For JSON, use POST /api/check.");
        }

        string? Get(string name) => parameters.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;

        var text = Get("text");
        var data = Get("data");
        if (text is null && data is null)
        {
            return Problems.BadRequest(request, "Missing 'text' or 'data' parameter.");
        }

        if (text is not null && data is not null)
        {
            return Problems.BadRequest(request, "Give either 'text' or 'data', not both.");
        }

        var languageCode = Get("language");
        if (languageCode is null)
        {
            return Problems.BadRequest(request, "Missing 'language' parameter: give 'en-US', 'en-GB', 'en' or 'auto'.");
        }

        var language = LanguageToolLanguages.Find(languageCode);
        // With "auto", LanguageTool reports the variant the client prefers (preferredVariants=en-GB,de-AT).
        if (language is not null && languageCode.Trim().Equals(LanguageToolLanguages.Auto, StringComparison.OrdinalIgnoreCase))
        {
            language = LanguageToolRuleFilter.ParseList(Get("preferredVariants"))
                .Select(LanguageToolLanguages.Find)
                .FirstOrDefault(l => l is not null && l.LongCode != "en") ?? language;
        }

        if (language is null)
        {
            return Problems.BadRequest(request,
                $"'{languageCode}' is not a language this server checks: it reads English only (en, en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA or auto).");
        }

        var enabledOnly = Get("enabledOnly");
        if (enabledOnly is not null && !bool.TryParse(enabledOnly, out _))
        {
            return Problems.BadRequest(request, $"'enabledOnly' must be true or false, not '{enabledOnly}'.");
        }

        var filter = new LanguageToolRuleFilter(
            LanguageToolRuleFilter.ParseList(Get("enabledRules")),
            LanguageToolRuleFilter.ParseList(Get("enabledCategories")),
            LanguageToolRuleFilter.ParseList(Get("disabledRules")),
            LanguageToolRuleFilter.ParseList(Get("disabledCategories")),
            enabledOnly is not null && bool.Parse(enabledOnly));
        if (filter.EnabledOnly && filter.EnabledRules.Count == 0 && filter.EnabledCategories.Count == 0)
        {
            return Problems.BadRequest(request, "You cannot use 'enabledOnly' without 'enabledRules' or 'enabledCategories'.");
        }

        if (data is not null && RequestBodies.CheckJsonField(request, "data", data) is { } loneSurrogate)
        {
            return loneSurrogate;
        }

        AnnotatedText annotated;
        try
        {
            annotated = text is not null ? AnnotatedText.FromText(text) : AnnotatedText.FromData(data!);
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(request, e.Message);
        }

        var textBytes = Encoding.UTF8.GetByteCount(annotated.Original);
        if (textBytes > limit)
        {
            return Problems.TooLarge(request, $"The text is {textBytes:N0} bytes of UTF-8; the limit is {limit:N0} bytes.");
        }

        var snapshot = facts.Current;
        return new StreamedReportResult("application/json; charset=utf-8", (output, token) =>
        {
            var totals = mapper.Write(output, checker, snapshot, annotated, language, filter, token);
            logger.LogInformation(
                "LanguageTool check: {Characters} characters, {Claims} claims, {Flagged} flagged, fact set {Version} in {Ms} ms",
                annotated.Original.Length, totals.Summary.Claims, totals.Summary.Flagged, snapshot.FactSet.Version,
                Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1));
        }, logger);
    }
}
