using System.Text;
using System.Xml;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// Text as XML 1.0 may carry it: control characters (other than tab and line breaks), lone surrogates and U+FFFE/FFFF
/// cannot appear in a document even escaped, so they are dropped. XmlWriter escapes the rest (<c>&lt;</c>, <c>&amp;</c>).
/// JSON Feed uses it too, so the three formats say the same thing.
/// </summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstInvalid = FirstInvalid(text);
        if (firstInvalid < 0)
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        cleaned.Append(text, 0, firstInvalid);
        for (var i = firstInvalid; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                cleaned.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                cleaned.Append(text[i]);
            }
        }

        return cleaned.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
