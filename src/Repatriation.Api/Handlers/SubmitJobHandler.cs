using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Repatriation.Core.Documents;
using Repatriation.Storage;
using Repatriation.Core.Review;
using Repatriation.Storage.Jobs;
using Repatriation.Storage.Jobs.Callbacks;

namespace Repatriation.Api.Handlers;

/// <summary>
/// POST /api/jobs: {"manuscripts":[{"name","text"}]} as JSON, or multipart/form-data with one file part per
/// manuscript (its file name decides the format: .txt, .md, .html, .docx). 202 with Location and the job.
/// Optional: "callbackUrl" (a JSON field or a form field), POSTed the signed job summary when the job completes,
/// and per manuscript (JSON) a "baseline" report the job's reports are compared with.
/// </summary>
public sealed class SubmitJobHandler(
    JobService jobs, JobCallbackDelivery callbacks, JobBaselines baselines, IOptions<JobsOptions> options, ILogger<SubmitJobHandler> logger)
    : ApiHandler(logger)
{
    private sealed record JobBody(List<ManuscriptBody>? Manuscripts, string? CallbackUrl);

    /// <param name="Baseline">Optional: an earlier JSON or SARIF report of this manuscript.</param>
    private sealed record ManuscriptBody(string? Name, string? Text, JsonNode? Baseline);

    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return Problems.UnsupportedMediaType(request, "Send application/json {\"manuscripts\": [{\"name\": \"…\", \"text\": \"…\"}]} or multipart/form-data with one file per manuscript.");
        }

        var max = options.Value.MaxManuscripts;
        var cap = options.Value.MaxRequestBytes;
        var limitSays = $"a job's request may be at most {cap:N0} bytes; split the manuscripts over several jobs.";
        List<SubmittedManuscript> manuscripts;
        string? callbackUrl = null;
        var baselineNodes = new Dictionary<int, JsonNode>();
        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = cap;
            }

            if (request.ContentLength > cap)
            {
                return Problems.TooLarge(request, $"The request body is {request.ContentLength:N0} bytes; {limitSays}");
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions
                {
                    MultipartBodyLengthLimit = cap,
                    ValueCountLimit = max + 16,
                }, cancellationToken);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Problems.TooLarge(request, $"The request body is larger than {cap:N0} bytes; {limitSays}");
            }
            catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            {
                return Problems.TooLarge(request, $"The multipart body is over a limit ({e.Message}); {limitSays}");
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return Problems.BadRequest(request, $"The multipart body could not be read: {e.Message}");
            }

            callbackUrl = form.TryGetValue("callbackUrl", out var formCallback) ? formCallback.ToString() : null;
            if (form.Files.Count == 0)
            {
                return Problems.BadRequest(request, "The form holds no file part; send one file part per manuscript.");
            }

            manuscripts = [];
            foreach (var file in form.Files)
            {
                var name = string.IsNullOrWhiteSpace(file.FileName) ? file.Name : file.FileName;
                if (ManuscriptNames.Problem(name) is { } nameProblem)
                {
                    return Problems.BadRequest(request, $"The file part named '{name}': {nameProblem}.");
                }

                if (file.Length > DocumentReader.MaxBytes)
                {
                    return Problems.TooLarge(request, $"{name} is {file.Length:N0} bytes; the limit is {DocumentReader.MaxBytes:N0} bytes per manuscript.");
                }

                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, cancellationToken);
                manuscripts.Add(new SubmittedManuscript(name, buffer.ToArray()));
            }
        }
        else if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            if (RequestBodies.RefuseOtherCharsets(request, mediaType) is { } otherCharset)
            {
                return otherCharset;
            }

            // Read with the cap before parsing: the body used to be buffered whole, and a 30 MB one ended in a 500.
            var (raw, tooLarge) = await RequestBodies.ReadCappedAsync(request, cap, limitSays, cancellationToken);
            if (tooLarge is not null)
            {
                return tooLarge;
            }

            if (RequestBodies.CheckJson(request, raw, out var json) is { } invalid)
            {
                return invalid;
            }

            JobBody? body;
            try
            {
                body = JsonSerializer.Deserialize<JobBody>(json.Span, ApiJson.Options);
            }
            catch (JsonException e)
            {
                return Problems.BadRequest(request, $"The body is not valid JSON for a job: {e.Message}");
            }

            if (body?.Manuscripts is not { Count: > 0 } list)
            {
                return Problems.BadRequest(request, "The JSON body needs a non-empty array \"manuscripts\" of {\"name\": \"…\", \"text\": \"…\"}.");
            }

            callbackUrl = body.CallbackUrl;
            manuscripts = [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i]?.Baseline is { } baseline)
                {
                    try
                    {
                        BaselineFile.FromNode(baseline, $"manuscripts[{i}].baseline");
                    }
                    catch (InvalidBaselineException e)
                    {
                        return Problems.BadRequest(request, e.Message);
                    }

                    baselineNodes[i] = baseline;
                }

                if (list[i] is not { Text: { } text })
                {
                    return Problems.BadRequest(request, $"manuscripts[{i}] needs a string field \"text\".");
                }

                if (ManuscriptNames.Problem(list[i].Name) is { } nameProblem)
                {
                    return Problems.BadRequest(request, $"manuscripts[{i}].name: {nameProblem}.");
                }

                var bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.LongLength > DocumentReader.MaxBytes)
                {
                    return Problems.TooLarge(request, $"manuscripts[{i}] is {bytes.LongLength:N0} bytes of UTF-8; the limit is {DocumentReader.MaxBytes:N0} bytes per manuscript.");
                }

                manuscripts.Add(new SubmittedManuscript(list[i].Name!, bytes));
            }
        }
        else
        {
            return Problems.UnsupportedMediaType(request, $"Content-Type {mediaType.MediaType} is not accepted; send application/json or multipart/form-data.");
        }

        if (manuscripts.Count > max)
        {
            return Problems.TooLarge(request, $"The job holds {manuscripts.Count:N0} manuscripts; the limit is {max:N0} per job.");
        }

        if (!string.IsNullOrEmpty(callbackUrl) && await callbacks.RefusalAsync(callbackUrl, cancellationToken) is { } refusal)
        {
            return Problems.BadRequest(request, refusal);
        }

        var record = await jobs.SubmitAsync(manuscripts, cancellationToken);
        await baselines.SaveAsync(record.Id, baselineNodes, cancellationToken);
        if (!string.IsNullOrEmpty(callbackUrl))
        {
            await callbacks.RegisterAsync(record.Id, callbackUrl, cancellationToken);
        }

        var status = await jobs.GetAsync(record.Id, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"/api/jobs/{record.Id}";
        return Problems.Json(status!, StatusCodes.Status202Accepted);
    }
}
