using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Schema;

/// <summary>
/// URL slugs for everything editors create: ASCII lower-case words joined by hyphens ("Zürich Café" → "zurich-cafe",
/// "Straße" → "strasse"), made unique with a -2, -3 suffix.
/// </summary>
internal static class Slugs
{
    public const int MaxLength = 120;

    // Letters that Unicode decomposition does not reduce to ASCII; the usual newsroom transliterations.
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['ß'] = "ss", ['ẞ'] = "ss", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe",
        ['ø'] = "o", ['Ø'] = "o", ['đ'] = "d", ['Đ'] = "d", ['ð'] = "d", ['Ð'] = "d",
        ['ł'] = "l", ['Ł'] = "l", ['þ'] = "th", ['Þ'] = "th", ['ı'] = "i", ['ħ'] = "h", ['Ħ'] = "h",
        ['&'] = " and ",
    };

    /// <summary>The slug of a title or name; empty when nothing in it is a letter or digit.</summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder(Math.Min(text.Length, MaxLength));
        var pendingHyphen = false;
        // FormKD also folds compatibility forms (ligatures "ﬁ", full-width letters); FormD alone would keep them.
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (Transliterations.TryGetValue(c, out var replacement))
            {
                foreach (var r in replacement)
                {
                    Append(slug, r, ref pendingHyphen);
                }

                continue;
            }

            Append(slug, c, ref pendingHyphen);
        }

        var result = slug.ToString();
        return result.Length > MaxLength ? result[..MaxLength].TrimEnd('-') : result;
    }

    /// <summary>Whether <paramref name="slug"/> is already in the canonical form <see cref="From"/> produces.</summary>
    public static bool IsCanonical(string slug) => slug.Length > 0 && string.Equals(From(slug), slug, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="baseSlug"/> or, when taken, the first free <c>baseSlug-2</c>, <c>-3</c>, …. One query reads
    /// the candidates; the unique index still decides a race between two writers.
    /// </summary>
    public static async Task<string> UniqueAsync(IQueryable<string> existingSlugs, string baseSlug, CancellationToken cancellationToken)
    {
        var prefix = baseSlug + "-";
        var taken = (await existingSlugs
                .Where(s => s == baseSlug || s.StartsWith(prefix))
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{suffix}");
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static void Append(StringBuilder slug, char c, ref bool pendingHyphen)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            if (pendingHyphen && slug.Length > 0)
            {
                slug.Append('-');
            }

            pendingHyphen = false;
            slug.Append(char.ToLowerInvariant(c));
        }
        else if (c is not '\'' and not '’')
        {
            // Apostrophes join ("Xi's" → "xis"); everything else separates words.
            pendingHyphen = true;
        }
    }
}
