namespace Repatriation.Testing;

/// <summary>Waits for work that runs on another thread (a timer callback doing real I/O) to show its effect.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, Action? nudge = null, int attempts = 100)
    {
        for (var i = 0; i < attempts; i++)
        {
            if (condition())
            {
                return true;
            }

            nudge?.Invoke();
            await Task.Delay(50);
        }

        return condition();
    }
}
