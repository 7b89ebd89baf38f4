using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Repatriation.Core.Documents;

/// <summary>
/// The readable text of an HTML page: scripts, styles, templates and hidden parts left out, block
/// elements on lines of their own, entities decoded, runs of white space collapsed as a browser shows
/// them. The report's offsets refer to this extracted text (the report says so).
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas", "select", "button",
    };

    /// <summary>Elements that end a paragraph: a blank line after them.</summary>
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header", "footer", "main",
        "nav", "aside", "pre", "table", "ul", "ol", "dl", "figure", "address", "hr", "details", "summary", "form", "fieldset",
    };

    /// <summary>Elements that take a line of their own.</summary>
    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "li", "tr", "dt", "dd", "figcaption", "caption", "br", "legend",
    };

    public static SourceDocument Read(string name, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var writer = new Writer();
        var root = (INode?)document.Body ?? document.DocumentElement;
        writer.Walk(root, preformatted: false);
        var text = writer.Text.ToString().Trim('\n', ' ');
        var trimmedStart = writer.Text.Length - writer.Text.ToString().TrimStart('\n', ' ').Length;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UnreadableDocumentException($"{name}: the HTML page holds no readable text");
        }

        var sections = writer.Sections
            .Select(s => s with { Offset = Math.Max(0, s.Offset - trimmedStart) })
            .Where(s => s.Offset < text.Length)
            .ToList();
        return new SourceDocument(name, text, DocumentFormats.Html) { TextIsExtracted = true, Sections = sections };
    }

    private sealed class Writer
    {
        public StringBuilder Text { get; } = new();
        public List<DocumentSection> Sections { get; } = [];
        private bool _pendingSpace;

        public void Walk(INode node, bool preformatted)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        Append(text.Data, preformatted);
                        break;
                    case IElement element:
                        var tag = element.LocalName;
                        if (Skipped.Contains(tag) || element.HasAttribute("hidden") || IsNoteMarker(element))
                        {
                            continue;
                        }

                        if (tag is "td" or "th" && element.PreviousElementSibling is not null)
                        {
                            _pendingSpace = false;
                            Text.Append('\t');
                        }

                        var block = Paragraphs.Contains(tag) || Lines.Contains(tag);
                        if (block)
                        {
                            Break(Paragraphs.Contains(tag) ? 2 : 1);
                        }

                        var headingStart = Text.Length;
                        Walk(element, preformatted || tag == "pre");
                        if (tag is "h1" or "h2" or "h3" && Text.Length > headingStart)
                        {
                            var written = Text.ToString(headingStart, Text.Length - headingStart);
                            var title = written.Trim();
                            if (title.Length > 0)
                            {
                                Sections.Add(new DocumentSection(title, headingStart + written.Length - written.TrimStart().Length));
                            }
                        }

                        if (block)
                        {
                            Break(Paragraphs.Contains(tag) ? 2 : 1);
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// A superscript footnote marker ("<sup><a href="#fn3">3</a></sup>", "<sup>12</sup>") would glue its number
        /// to the figure before it ("22,500" + "3"), so it is left out like Word's note references.
        /// </summary>
        private static bool IsNoteMarker(IElement element) =>
            element.LocalName == "sup"
            && element.TextContent.Trim() is { Length: > 0 and <= 4 } marker
            && (marker.All(c => char.IsAsciiDigit(c) || c is '*' or '†' or '[' or ']')
                || element.QuerySelector("a[href^='#']") is not null);

        private void Append(string data, bool preformatted)
        {
            if (preformatted)
            {
                Text.Append(data);
                _pendingSpace = false;
                return;
            }

            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }

                if (_pendingSpace && Text.Length > 0 && Text[^1] is not ('\n' or ' ' or '\t'))
                {
                    Text.Append(' ');
                }

                _pendingSpace = false;
                Text.Append(c);
            }
        }

        /// <summary>Ends the current line; <paramref name="newlines"/> 2 leaves a blank line, never more.</summary>
        private void Break(int newlines)
        {
            _pendingSpace = false;
            if (Text.Length == 0)
            {
                return;
            }

            var have = 0;
            for (var i = Text.Length - 1; i >= 0 && Text[i] == '\n'; i--)
            {
                have++;
            }

            for (; have < newlines; have++)
            {
                Text.Append('\n');
            }
        }
    }
}
