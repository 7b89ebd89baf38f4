namespace Repatriation.Core.Input;

/// <summary>
/// The match timeout every pattern of the product declares. The patterns are anchored and tried on bounded
/// windows, so none should come near it; it is the backstop that turns a pattern gone wrong on hostile input into
/// one failed request instead of a core spinning for minutes.
/// </summary>
public static class RegexBudget
{
    public const int Milliseconds = 1000;
}
