using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Repatriation.Cli.Tests.Clients;

/// <summary>
/// The editor's page in Debian's headless Chromium (playwright-core), served by `serve` with a key
/// configured, so the page must pass its ?code= on. With UPDATE_SCREENSHOTS=1 a passing run saves docs/editor-page.png
/// for the README; otherwise a test run leaves the working tree as it found it.
/// </summary>
public sealed partial class EditorPageBrowserTests
{
    private const string Key = "editor-page-test-key";

    [SkippableFact]
    public async Task EditorPage_InChromium_HighlightsClaimsShowsEvidenceAndMakesNoExternalRequest()
    {
        NodeScript.RequireOrSkip(needsChromium: true);
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", [new("Api:Key", Key)]);
        var page = new Uri(host.BaseAddress, $"/api/ui?code={Key}");
        var screenshot = Path.Combine(Path.GetTempPath(), $"editor-page-{Guid.NewGuid():N}.png");
        var folder = Directory.CreateTempSubdirectory("editor-page-");
        var docx = Path.Combine(folder.FullName, "manuscript.docx");
        await File.WriteAllBytesAsync(docx, Docx(
            "Between 1946 and 1948 several million civilians were forcibly repatriated.",
            "About 50,000 Cossacks were handed over at Lienz in June 1945."));

        try
        {
            var result = await NodeScript.RunAsync("editor-page.mjs", [page.ToString(), screenshot, docx], TimeSpan.FromMinutes(3));

            Assert.True(result.ExitCode == 0, $"the browser test failed (exit {result.ExitCode}):\n{result.Output}");
            var summary = Summary().Match(result.Output);
            Assert.True(summary.Success, result.Output);
            Assert.Equal("0", summary.Groups["failed"].Value);
            Assert.Equal("14", summary.Groups["passed"].Value);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot was written");

            // Only a run that passed, and only when asked, replaces the README's picture.
            if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
            {
                File.Copy(screenshot, Path.Combine(NodeScript.RepoRoot, "docs", "editor-page.png"), overwrite: true);
            }
        }
        finally
        {
            File.Delete(screenshot);
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EditorPage_WithoutTheKey_TheServerRefusesThePage()
    {
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", [new("Api:Key", Key)]);
        using var client = new HttpClient();

        var withKey = await client.GetAsync(new Uri(host.BaseAddress, $"/api/ui?code={Key}"));
        var withoutKey = await client.GetAsync(new Uri(host.BaseAddress, "/api/ui"));

        Assert.Equal(200, (int)withKey.StatusCode);
        Assert.Equal(401, (int)withoutKey.StatusCode);
    }

    /// <summary>A real .docx written with the OpenXml SDK, one paragraph per string.</summary>
    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var paragraph in paragraphs)
            {
                body.Append(new Paragraph(new Run(new Text(paragraph) { Space = SpaceProcessingModeValues.Preserve })));
            }

            package.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
