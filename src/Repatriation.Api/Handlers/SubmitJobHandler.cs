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
        List<SubmittedManuscript> manuscripts;
        string? callbackUrl = null;
        var baselineNodes = new Dictionary<int, JsonNode>();
        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
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
            JobBody? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JobBody>(request.Body, ApiJson.Options, cancellationToken);
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

                if (string.IsNullOrWhiteSpace(list[i].Name))
                {
                    return Problems.BadRequest(request, $"manuscripts[{i}] needs a \"name\" (its extension, .txt, .md or .html, says how to read the text).");
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
