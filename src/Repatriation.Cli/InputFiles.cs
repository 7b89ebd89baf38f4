using Repatriation.Core.Documents;

namespace Repatriation.Cli;

/// <summary>One manuscript named on the command line: a file, or standard input for "-".</summary>
internal sealed record InputFile(string Path)
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

            return new SourceDocument("-", text, "text");
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
    /// <summary>Files and folders in the order given; a folder contributes its supported files, sorted.</summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, TextWriter stderr, ref int missing)
    {
        var inputs = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-" || File.Exists(path))
            {
                inputs.Add(new InputFile(path));
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

                inputs.AddRange(files.Select(f => new InputFile(f)));
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
