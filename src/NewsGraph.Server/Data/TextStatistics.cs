namespace NewsGraph.Server.Data;

/// <summary>Derived article figures, computed the same way for sample data, seeding and edits.</summary>
public static class TextStatistics
{
    /// <summary>Typical adult silent reading speed for news copy.</summary>
    public const int WordsPerMinute = 230;

    /// <summary>
    /// Counts whitespace-separated tokens that contain a letter or digit, so Markdown syntax
    /// (<c>##</c>, <c>&gt;</c>, dashes) is not counted as words.
    /// </summary>
    public static int CountWords(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        int words = 0;
        bool inToken = false;
        bool tokenHasText = false;
        foreach (char c in markdown)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inToken && tokenHasText)
                {
                    words++;
                }

                inToken = false;
                tokenHasText = false;
                continue;
            }

            inToken = true;
            tokenHasText |= char.IsLetterOrDigit(c);
        }

        return inToken && tokenHasText ? words + 1 : words;
    }

    /// <summary>Whole minutes, rounded up, never less than one.</summary>
    public static int ReadingTimeMinutes(int wordCount) =>
        Math.Max(1, (wordCount + WordsPerMinute - 1) / WordsPerMinute);
}
