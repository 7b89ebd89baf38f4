namespace Repatriation.Cli.Tests.Check;

/// <summary>What the command-line tests share: an in-process run and input files written below a test's folder.</summary>
internal static class CommandLineRun
{
    /// <summary>Runs the command line with empty standard input; returns its exit code and both outputs.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, new StringReader(""), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> below <paramref name="root"/>, making its folders.</summary>
    public static string Write(DirectoryInfo root, string relative, string content)
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
