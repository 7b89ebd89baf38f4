using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Repatriation.Core.Semantic;

namespace Repatriation.Semantic;

public static class SemanticServiceExtensions
{
    /// <summary>
    /// Makes the sentence model available to the engine. Registration only: the model loads when Engine:Semantic is
    /// on and the checker is first resolved, and the fact set's texts are embedded on its first check.
    /// </summary>
    public static IServiceCollection AddSemanticEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<ISentenceEmbedder, MiniLmSentenceEmbedder>();
        services.TryAddSingleton(sp => new SemanticReader(sp.GetRequiredService<ISentenceEmbedder>()));
        return services;
    }

    /// <summary>A reader with its own model, for command-line tools that do not use a service container.</summary>
    public static SemanticReader CreateReader(SemanticSettings? settings = null) => new(new MiniLmSentenceEmbedder(), settings);
}
