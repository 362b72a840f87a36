using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsGraph.GraphQL.Data.Search;

/// <summary>
/// Highlighted text that is safe to put into a page. The engines (FTS5's <c>highlight</c>/<c>snippet</c>,
/// PostgreSQL's <c>ts_headline</c>) wrap matches in markers around the raw indexed text; asking them for
/// <c>&lt;mark&gt;</c> would leave the rest unescaped (an article about <c>&lt;script&gt;</c> would inject it). So they
/// are given two private-use characters that indexed text never holds (<see cref="RemoveMarkers"/>), and
/// <see cref="ToHtml"/> HTML-escapes everything and turns the markers into <c>&lt;mark&gt;</c> elements.
/// </summary>
public static class SearchHighlight
{
    /// <summary>Opens a match in the engines' output.</summary>
    public const string Open = "\uE000";

    /// <summary>Closes a match in the engines' output.</summary>
    public const string Close = "\uE001";

    // Escapes what HTML needs (& < > " ' and controls) but leaves letters of every script readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text to index, without the marker characters (so a document can never fake a match).</summary>
    public static string RemoveMarkers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Open[0], StringComparison.Ordinal) || text.Contains(Close[0], StringComparison.Ordinal)
            ? text.Replace(Open, string.Empty, StringComparison.Ordinal).Replace(Close, string.Empty, StringComparison.Ordinal)
            : text;
    }

    /// <summary>
    /// The engine's marked text as HTML: escaped, matches in <c>&lt;mark&gt;</c>, unbalanced markers closed, and line
    /// breaks and runs of white space made one space (a snippet is shown inline, not as paragraphs).
    /// </summary>
    public static string ToHtml(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            var end = i == marked.Length;
            if (!end && marked[i] != Open[0] && marked[i] != Close[0])
            {
                continue;
            }

            html.Append(Encoder.Encode(CollapseWhitespace(marked[start..i])));
            start = i + 1;
            if (end)
            {
                break;
            }

            if (marked[i] == Open[0] && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (marked[i] == Close[0] && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    private static string CollapseWhitespace(string text)
    {
        if (!text.Any(c => char.IsWhiteSpace(c) && c != ' '))
        {
            return text;
        }

        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                collapsed.Append(c);
            }
            else if (collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }

        return collapsed.ToString();
    }
}
