namespace Repatriation.Api;

/// <summary>HTTP settings shared by the function app and `serve`. Bound from the section "Api" (env: Api__…).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// When set, `serve` asks for it on every route but health (header x-functions-key or query code),
    /// like the function app's function keys. The function app itself relies on its host's keys.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>`serve` only: host names (separated by ';') answered besides the loopback ones while no key is set.</summary>
    public string? AllowedHosts { get; set; }

    /// <summary>The largest text POST /api/check accepts, in bytes of UTF-8.</summary>
    public int MaxTextBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The longest a request may take, reading its body included; past it the work stops and the answer is 503.
    /// The densest text of the largest accepted size checks well within it; 0 turns the budget off.
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = 100;
}
