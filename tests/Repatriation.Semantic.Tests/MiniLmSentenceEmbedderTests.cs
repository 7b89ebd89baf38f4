using Repatriation.Core.Semantic;
using Repatriation.Semantic;

namespace Repatriation.Semantic.Tests;

/// <summary>The model itself, on sentences whose ordering by likeness any reader would agree on.</summary>
[Collection(ModelCollection.Name)]
public sealed class MiniLmSentenceEmbedderTests
{
    private readonly MiniLmSentenceEmbedder _embedder;

    public MiniLmSentenceEmbedderTests(ModelFixture model) => _embedder = model.Embedder;

    private static double Similarity(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void Embed_Sentences_GivesOneUnitVectorEach()
    {
        var vectors = _embedder.Embed(["Vlasov was hanged in Moscow.", "The train left Plattling at dawn.", "Ninety."]);

        Assert.Equal(3, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(Math.Sqrt(Similarity(v, v)), 0.999, 1.001));
    }

    [Fact]
    public void Embed_HangingAndExecution_AreMoreAlikeThanHangingAndKilometres()
    {
        var v = _embedder.Embed([
            "General Vlasov and his officers were hanged after a closed trial.",
            "Andrey Vlasov was executed in Moscow after a secret trial.",
            "The Red Army advanced forty kilometres in a single day.",
        ]);

        var hangingExecution = Similarity(v[0], v[1]);
        var hangingKilometres = Similarity(v[0], v[2]);
        Assert.True(hangingExecution > 0.5, $"hanging vs execution {hangingExecution:0.00}");
        Assert.True(hangingKilometres < 0.2, $"hanging vs kilometres {hangingKilometres:0.00}");
    }

    [Fact]
    public void Embed_PrisonersEntrained_IsNearerTheDachauFactThanTheCossackOne()
    {
        var v = _embedder.Embed([
            "At Dachau the American guards finally put the Soviet prisoners on the train.",
            "Soviet prisoners at Dachau were entrained for handover to the Soviets.",
            "Cossack families near Lienz were handed over by the British.",
        ]);

        Assert.True(Similarity(v[0], v[1]) > Similarity(v[0], v[2]));
    }

    [Fact]
    public void Embed_NoTexts_GivesNoVectors() => Assert.Empty(_embedder.Embed([]));
}

/// <summary>
/// One model for the whole run: loading it takes a few hundred milliseconds and embedding the fact set's texts tens of
/// seconds, so readers with other settings share the vectors already computed.
/// </summary>
public sealed class ModelFixture : IDisposable
{
    private readonly SharedVectors _vectors;

    public ModelFixture() => _vectors = new SharedVectors(Embedder);

    public MiniLmSentenceEmbedder Embedder { get; } = new();

    public SemanticReader Reader(SemanticSettings? settings = null) => new(_vectors, settings);

    public void Dispose() => Embedder.Dispose();

    /// <summary>The model's own vectors, each text embedded once per run.</summary>
    private sealed class SharedVectors(ISentenceEmbedder model) : ISentenceEmbedder
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> _done = new(StringComparer.Ordinal);

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            var missing = texts.Where(t => !_done.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
            var vectors = model.Embed(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                _done[missing[i]] = vectors[i];
            }

            return [.. texts.Select(t => _done[t])];
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<ModelFixture>
{
    public const string Name = "model";
}
