using Repatriation.Core.Reports;

namespace Repatriation.Core.Checking;

/// <summary>One text to check. <see cref="StringIndexType"/> picks the units of offsets in the report.</summary>
public sealed record CheckRequest(string Text, string? Name = null, string StringIndexType = StringIndexTypes.Utf16CodeUnit);
