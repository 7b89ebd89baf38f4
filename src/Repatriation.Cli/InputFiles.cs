using Repatriation.Core.Documents;

namespace Repatriation.Cli;

/// <summary>
/// One manuscript named on the command line: a file, or standard input for "-". <see cref="RelativeName"/> is
/// its path below the folder it was found in (or its file name), which names its report under --output.
/// </summary>
internal sealed record InputFile(string Path, string RelativeName, string? Folder = null)
{
    public SourceDocument Read(TextReader stdin)
    {
        if (Path == "-")
        {
            var text = stdin.ReadToEnd();
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new UnreadableDocumentException("standard input: no text was given");
            }

            return DocumentReader.FromPlainText("-", text);
        }

        byte[] content;
        try
        {
            var info = new FileInfo(Path);
            if (info.Length > DocumentReader.MaxBytes)
            {
                throw new UnreadableDocumentException($"{Path}: {info.Length:N0} bytes is over the limit of {DocumentReader.MaxBytes:N0} bytes");
            }

            content = File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableDocumentException($"{Path}: {e.Message}");
        }

        return DocumentReader.Read(Path, content);
    }
}

internal static class InputFiles
{
    /// <summary>Files and folders in the order given; a folder contributes its supported files (recursively), sorted.</summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, TextWriter stderr, ref int missing)
    {
        var inputs = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputs.Add(new InputFile(path, "stdin"));
            }
            else if (File.Exists(path))
            {
                inputs.Add(new InputFile(path, System.IO.Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(DocumentReader.IsSupported)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    stderr.WriteLine($"error: {path}: the folder holds no .txt, .md, .html or .docx file");
                    missing++;
                }

                inputs.AddRange(files.Select(f => new InputFile(f, System.IO.Path.GetRelativePath(path, f).Replace('\\', '/'), path)));
            }
            else
            {
                stderr.WriteLine($"error: {path}: no such file or folder");
                missing++;
            }
        }

        return inputs;
    }
}

/// <summary>Gives every input a distinct report path under --output, keeping relative folders.</summary>
internal sealed class ReportNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string For(InputFile input, string extension)
    {
        var candidates = new List<string> { input.RelativeName };
        if (input.Folder is not null)
        {
            // Two folders on the command line may both hold chapter1.txt: the second keeps its folder's name.
            candidates.Add(Safe(System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(input.Folder)))) + "/" + input.RelativeName);
        }
        else if (!System.IO.Path.IsPathRooted(input.Path) && !input.Path.Contains("..", StringComparison.Ordinal))
        {
            candidates.Add(input.Path.Replace('\\', '/'));
        }

        foreach (var candidate in candidates.Select(c => c + extension))
        {
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{input.RelativeName}-{n}{extension}";
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Safe(string name) => string.IsNullOrEmpty(name) ? "folder" : name;
}
