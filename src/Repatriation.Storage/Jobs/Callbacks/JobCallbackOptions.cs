namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>
/// Job callbacks, bound from the same section as <see cref="JobsOptions"/> (env Jobs__CallbackSecret, …). A class of
/// their own: the secret has no default a template could write down (the function app gets it as a secret setting,
/// e.g. a Key Vault reference), and the retry settings have defaults that need no setting at all.
/// </summary>
public sealed class JobCallbackOptions
{
    /// <summary>
    /// The key that signs job callbacks (X-Repatriation-Signature: sha256=HMAC-SHA256 of the body). Without it a job
    /// with a callbackUrl is refused: nothing unsigned is sent.
    /// </summary>
    public string? CallbackSecret { get; set; }

    /// <summary>How long a completed job's callback is retried, from its first attempt, across restarts.</summary>
    public double CallbackDeliveryMinutes { get; set; } = 60;

    /// <summary>The first retry's delay; each later one doubles it (with jitter) up to <see cref="CallbackMaxDelaySeconds"/>.</summary>
    public double CallbackRetrySeconds { get; set; } = 2;

    public double CallbackMaxDelaySeconds { get; set; } = 300;

    /// <summary>How long one POST to a callback URL may take.</summary>
    public double CallbackAttemptTimeoutSeconds { get; set; } = 30;
}
