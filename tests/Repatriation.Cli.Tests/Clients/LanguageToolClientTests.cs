using System.Text.RegularExpressions;

namespace Repatriation.Cli.Tests.Clients;

/// <summary>
/// `serve` on a free loopback port, driven over real HTTP by tests/clients/languagetool-check.mjs: a
/// LanguageTool client written from LanguageTool's API description, knowing nothing of this code.
/// </summary>
public sealed partial class LanguageToolClientTests
{
    [SkippableFact]
    public async Task LanguageToolClient_AgainstServe_FlagsComeBackAsMatchesAtTheReportsOffsets()
    {
        NodeScript.RequireOrSkip(needsChromium: false);
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0");

        var result = await NodeScript.RunAsync("languagetool-check.mjs", [host.BaseAddress.ToString()], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, $"the LanguageTool client failed (exit {result.ExitCode}):\n{result.Output}");
        var summary = Summary().Match(result.Output);
        Assert.True(summary.Success, result.Output);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.Equal("6", summary.Groups["passed"].Value);
        Assert.DoesNotContain("not ok", result.Output);
    }

    [SkippableFact]
    public async Task LanguageToolClient_ServerNotThere_ExitsNonZero()
    {
        NodeScript.RequireOrSkip(needsChromium: false);
        // A port that was free a moment ago: the client must report failure, not pass vacuously.
        Uri address;
        await using (var host = await ServeHost.StartAsync("http://127.0.0.1:0"))
        {
            address = host.BaseAddress;
        }

        var result = await NodeScript.RunAsync("languagetool-check.mjs", [address.ToString()], TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not ok", result.Output);
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
