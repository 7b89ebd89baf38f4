namespace Repatriation.Core.Documents;

/// <summary>
/// The text a report checks, taken out of a submitted file. Offsets in the report refer to
/// <see cref="Text"/>; <see cref="Format"/> says what it was read from.
/// </summary>
public sealed record SourceDocument(string Name, string Text, string Format);

/// <summary>A manuscript that cannot be read; its message says why in one line.</summary>
public sealed class UnreadableDocumentException(string message) : Exception(message);
