using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

public class FactSetLoaderTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Load_ValidJson_ReturnsSnapshotWithOriginAndTime()
    {
        var snapshot = FactSetLoader.Load(FactSetSample.Json, "file:sample.json", "\"etag-1\"", Noon);

        Assert.Equal("2026.11.26", snapshot.FactSet.Version);
        Assert.Equal("file:sample.json", snapshot.Origin);
        Assert.Equal("\"etag-1\"", snapshot.ETag);
        Assert.Equal(Noon, snapshot.LoadedAt);
    }

    [Fact]
    public void Load_InvalidFactSet_ThrowsWithEveryProblem()
    {
        var json = FactSetSample.With(r =>
        {
            r["version"] = "";
            r.At("facts", 0)["measure"] = "no-such-measure";
        });

        var error = Assert.Throws<InvalidFactSetException>(() => FactSetLoader.Load(json, "blob:x", null, Noon));

        Assert.Equal(["$.facts[0].measure", "$.version"], error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains("blob:x", error.Message);
    }

    [Fact]
    public void LoadShipped_InjectedTime_UsesItAndShippedOrigin()
    {
        var snapshot = FactSetLoader.LoadShipped(new FixedTime(Noon));

        Assert.Equal(ShippedFactSet.Origin, snapshot.Origin);
        Assert.Equal(Noon, snapshot.LoadedAt);
        Assert.Null(snapshot.ETag);
    }
}
