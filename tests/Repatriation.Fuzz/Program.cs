using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using SharpFuzz;

// Fuzzing targets for the document readers and the engine behind them.
//   Repatriation.Fuzz afl FORMAT            one AFL++ target (SharpFuzz's out-of-process runner), FORMAT txt|md|html|docx
//   Repatriation.Fuzz seed DIR              writes the seed corpus (one file per format, the .docx built here)
//   Repatriation.Fuzz smoke SECONDS DIR     no AFL: random mutations of the seeds in process for SECONDS
// A finding is any exception other than UnreadableDocumentException (the readers' one-line refusal).
// Built on first use: instrumented code may only run inside Fuzzer.OutOfProcess.Run, once AFL's shared memory is mapped.
var engine = new Lazy<(FactSetSnapshot Snapshot, ManuscriptChecker Checker)>(() => (FactSetLoader.LoadShipped(), new ManuscriptChecker()));

switch (args.FirstOrDefault())
{
    case "afl" when args.Length == 2:
        var name = "fuzz." + args[1];
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Target(name, buffer.ToArray());
        });
        return 0;
    case "seed" when args.Length == 2:
        Seeds.Write(args[1]);
        return 0;
    case "smoke" when args.Length == 3:
        return Smoke(TimeSpan.FromSeconds(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)), args[2]);
    default:
        Console.Error.WriteLine("usage: Repatriation.Fuzz afl txt|md|html|docx | seed DIR | smoke SECONDS DIR");
        return 2;
}

void Target(string name, byte[] content)
{
    SourceDocument document;
    try
    {
        document = DocumentReader.Read(name, content);
    }
    catch (UnreadableDocumentException e) when (!e.Message.Contains('\n'))
    {
        return;
    }

    var report = engine.Value.Checker.Check(document, engine.Value.Snapshot);
    foreach (var claim in report.Claims)
    {
        if (claim.Offset < 0 || claim.Offset + claim.Length > document.Text.Length || document.Text.Substring(claim.Offset, claim.Length) != claim.Text)
        {
            throw new InvalidOperationException($"claim {claim.Id} at {claim.Offset}+{claim.Length} is not the text it names");
        }
    }
}

int Smoke(TimeSpan duration, string findings)
{
    var seeds = Seeds.All();
    var random = new Random(Environment.TickCount);
    var clock = Stopwatch.StartNew();
    var runs = 0;
    while (clock.Elapsed < duration)
    {
        var (name, seed) = seeds[random.Next(seeds.Count)];
        var input = Seeds.Mutate(seed, random);
        runs++;
        try
        {
            Target(name, input);
        }
        catch (Exception e)
        {
            Directory.CreateDirectory(findings);
            var path = Path.Combine(findings, $"finding-{runs}{Path.GetExtension(name)}");
            File.WriteAllBytes(path, input);
            Console.WriteLine($"fuzz smoke: FINDING after {runs:N0} runs: {e.GetType().Name}: {e.Message} (input saved to {path})");
            return 1;
        }
    }

    Console.WriteLine($"fuzz smoke: {runs:N0} inputs in {clock.Elapsed.TotalSeconds:0} s, no finding");
    return 0;
}

internal static class Seeds
{
    private const string Prose =
        "Chapter One\n\nAt the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens. " +
        "According to Zemskov, 2,272,000 people were handed over; Tolstoy wrote that “they were betrayed”. " +
        "Between 1946 and 1948 several million civilians were repatriated (about 45%).[12]\n";

    public static List<(string Name, byte[] Content)> All() =>
    [
        ("seed.txt", System.Text.Encoding.UTF8.GetBytes(Prose)),
        ("seed.md", System.Text.Encoding.UTF8.GetBytes("# Lienz\n\n" + Prose + "\n```\ncode 1945\n```\n[link](http://x/1945)\n")),
        ("seed.html", System.Text.Encoding.UTF8.GetBytes("<html><body><h1>Lienz</h1><p>" + Prose + "</p><script>1945</script></body></html>")),
        ("seed.docx", Docx()),
    ];

    public static void Write(string folder)
    {
        foreach (var (name, content) in All())
        {
            var dir = Path.Combine(folder, Path.GetExtension(name).TrimStart('.'));
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name), content);
        }
    }

    /// <summary>Flips, inserts, deletes and repeats bytes: enough to reach the readers' and the engine's odd corners.</summary>
    public static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = 1 + random.Next(16);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(12));
                    var chunk = bytes.GetRange(at, length);
                    for (var r = random.Next(1, 200); r > 0; r--)
                    {
                        bytes.InsertRange(at, chunk);
                    }

                    break;
                default:
                    bytes.InsertRange(at, "1945 \"\u201c(;"u8.ToArray().Skip(random.Next(8)).Take(random.Next(1, 4)));
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text("Lienz"))),
                new Paragraph(new Run(new Text("In June 1945 the British handed over 22,502 Cossacks at Lienz.")))));
        }

        return stream.ToArray();
    }
}
