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
            return ReadStandardInput(stdin);
        }

        byte[] content;
        try
        {
            // Checked again here: a folder's entry may have been swapped for a pipe since it was listed.
            if (FileKinds.Of(Path) is { } kind && kind != FileKind.Regular)
            {
                throw new UnreadableDocumentException($"{Path}: {FileKinds.Describe(kind)}, not a regular file");
            }

            content = ReadCapped(File.OpenRead(Path), Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableDocumentException($"{Path}: {e.Message}");
        }

        return DocumentReader.Read(Path, content);
    }

    /// <summary>
    /// The process's own standard input is read as bytes and decoded strictly, like a file (random bytes are refused,
    /// not checked as text); a reader handed in by a test or a host is taken as the text it already is.
    /// </summary>
    private static SourceDocument ReadStandardInput(TextReader stdin)
    {
        if (!ReferenceEquals(stdin, Console.In))
        {
            var given = stdin.ReadToEnd();
            if (string.IsNullOrWhiteSpace(given))
            {
                throw new UnreadableDocumentException("standard input: no text was given");
            }

            return DocumentReader.FromPlainText("-", given);
        }

        byte[] bytes;
        try
        {
            bytes = ReadCapped(Console.OpenStandardInput(), "standard input");
        }
        catch (IOException e)
        {
            throw new UnreadableDocumentException($"standard input: {e.Message}");
        }

        if (bytes.Length == 0)
        {
            throw new UnreadableDocumentException("standard input: no text was given");
        }

        return DocumentReader.FromPlainText("-", DocumentReader.DecodeText("standard input", bytes));
    }

    /// <summary>At most <see cref="DocumentReader.MaxBytes"/>: a file that grows while read, or a device that never ends, stops there.</summary>
    private static byte[] ReadCapped(Stream stream, string name)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            if (stream.CanSeek)
            {
                // A file says how long it is: read it into an array of that size, not a buffer that doubles its way
                // there (for a 10 MB book, some 30 MB of copies left on the large object heap until a full collection).
                var expected = stream.Length - stream.Position;
                if (expected > DocumentReader.MaxBytes)
                {
                    throw new UnreadableDocumentException($"{name}: more than the limit of {DocumentReader.MaxBytes:N0} bytes");
                }

                var bytes = new byte[expected];
                var filled = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                var next = stream.ReadByte();
                if (filled == bytes.Length && next < 0)
                {
                    return bytes;
                }

                // The file changed while it was read: go on with what came, as for a stream of unknown length.
                buffer.Write(bytes, 0, filled);
                if (next >= 0)
                {
                    buffer.WriteByte((byte)next);
                }
            }

            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > DocumentReader.MaxBytes)
                {
                    throw new UnreadableDocumentException($"{name}: more than the limit of {DocumentReader.MaxBytes:N0} bytes");
                }
            }

            return buffer.ToArray();
        }
    }
}

internal static class InputFiles
{
    /// <summary>Deeper than any real manuscript folder; a backstop beside the loop check.</summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// Files and folders in the order given; a folder contributes its supported files (recursively), sorted. Pipes,
    /// devices and sockets are refused with one line each; links are followed, but never into a folder already
    /// being walked (a loop); a folder or entry that cannot be read is reported and skipped. Each refusal counts in
    /// <paramref name="missing"/>, so the run ends with exit code 2 after checking everything else.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, TextWriter stderr, ref int missing)
    {
        var inputs = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputs.Add(new InputFile(path, "stdin"));
                continue;
            }

            var kind = FileKinds.Of(path);
            if (kind is FileKind.Regular || (kind is null && File.Exists(path)))
            {
                inputs.Add(new InputFile(path, System.IO.Path.GetFileName(path)));
            }
            else if (kind is FileKind.Directory || (kind is null && Directory.Exists(path)))
            {
                var problems = new List<string>();
                var files = Walk(path, problems);
                foreach (var problem in problems)
                {
                    stderr.WriteLine($"error: {problem}");
                    missing++;
                }

                if (files.Count == 0 && problems.Count == 0)
                {
                    stderr.WriteLine($"error: {path}: the folder holds no .txt, .md, .html or .docx file");
                    missing++;
                }

                files.Sort(StringComparer.Ordinal);
                inputs.AddRange(files.Select(f => new InputFile(f, System.IO.Path.GetRelativePath(path, f).Replace('\\', '/'), path)));
            }
            else if (kind is { } other && other != FileKind.Missing)
            {
                stderr.WriteLine($"error: {path}: {FileKinds.Describe(other)}, not a regular file or a folder");
                missing++;
            }
            else
            {
                stderr.WriteLine($"error: {path}: no such file or folder");
                missing++;
            }
        }

        return inputs;
    }

    /// <summary>The supported regular files under <paramref name="root"/>, depth first; what cannot be read goes to <paramref name="problems"/>.</summary>
    private static List<string> Walk(string root, List<string> problems)
    {
        var files = new List<string>();
        var walking = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, 0);
        return files;

        void Visit(string folder, int depth)
        {
            var identity = RealPath(folder);
            if (depth > MaxDepth || !walking.Add(identity))
            {
                problems.Add($"{folder}: skipped, a link leads back into a folder already being read (a loop)");
                return;
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
                {
                    RecurseSubdirectories = false,
                    IgnoreInaccessible = false,
                    AttributesToSkip = 0,
                }).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add($"{folder}: the folder cannot be read ({e.Message.ReplaceLineEndings(" ")}); skipped");
                walking.Remove(identity);
                return;
            }

            foreach (var entry in entries)
            {
                var kind = FileKinds.Of(entry.FullName) ?? (entry is DirectoryInfo ? FileKind.Directory : FileKind.Regular);
                if (kind == FileKind.Directory)
                {
                    Visit(System.IO.Path.Combine(folder, entry.Name), depth + 1);
                }
                else if (DocumentReader.IsSupported(entry.Name))
                {
                    var path = System.IO.Path.Combine(folder, entry.Name);
                    if (kind == FileKind.Regular)
                    {
                        files.Add(path);
                    }
                    else if (kind == FileKind.Missing)
                    {
                        problems.Add($"{path}: a link to nothing (its target is missing); skipped");
                    }
                    else
                    {
                        problems.Add($"{path}: {FileKinds.Describe(kind)}, not a regular file; skipped");
                    }
                }
            }

            walking.Remove(identity);
        }
    }

    /// <summary>The folder with every link on its way resolved, so two names of one folder compare equal.</summary>
    private static string RealPath(string folder)
    {
        var full = System.IO.Path.GetFullPath(folder);
        try
        {
            var parts = full.Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = System.IO.Path.GetPathRoot(full) ?? "/";
            foreach (var part in parts)
            {
                current = System.IO.Path.Combine(current, part);
                for (var hops = 0; hops < 40 && new DirectoryInfo(current).LinkTarget is { } target; hops++)
                {
                    current = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(current) ?? "/", target));
                }
            }

            return current;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
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
