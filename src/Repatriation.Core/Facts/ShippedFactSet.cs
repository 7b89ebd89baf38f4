using System.Reflection;

namespace Repatriation.Core.Facts;

/// <summary>The curated fact set that ships in the repository (facts/repatriation.json), embedded in this assembly.</summary>
public static class ShippedFactSet
{
    public const string Origin = "shipped:facts/repatriation.json";
    private const string FactSetResource = "Repatriation.Facts.repatriation.json";
    private const string SchemaResource = "Repatriation.Facts.factset.schema.json";

    public static string ReadJson() => ReadResource(FactSetResource);

    public static string ReadSchemaJson() => ReadResource(SchemaResource);

    private static string ReadResource(string name)
    {
        using var stream = typeof(ShippedFactSet).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(ShippedFactSet).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
