using System.Globalization;
using System.Text;

namespace NewsGraph.Server.Cli;

/// <summary>URL slugs: ASCII lower-case words joined by hyphens ("São Paulo" → "sao-paulo").</summary>
internal static class SlugText
{
    public static string From(string text, int maxLength = 120)
    {
        var slug = new StringBuilder(Math.Min(text.Length, maxLength));
        bool pendingHyphen = false;
        // Decomposing first turns "ã" into "a" + a combining mark we can drop.
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
                if (slug.Length >= maxLength)
                {
                    break;
                }
            }
            else if (c != '\'')
            {
                pendingHyphen = true;
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
