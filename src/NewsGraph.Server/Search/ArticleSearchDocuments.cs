using System.Globalization;
using System.Text;
using AnyAscii;
using Markdig;
using NewsGraph.GraphQL.Data.Search;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Search;

/// <summary>Turns an article into what search indexes (<see cref="ArticleSearchDocument"/>).</summary>
public static class ArticleSearchDocuments
{
    // As ArticleBodyRenderer reads the body: raw HTML in the Markdown is text that readers see, so it is text to find.
    private static readonly MarkdownPipeline PlainText = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    public static ArticleSearchDocument Create(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var document = new ArticleSearchDocument { Article = article };
        Update(document, article);
        return document;
    }

    /// <summary>Copies the article's searchable text and date into its document.</summary>
    public static void Update(ArticleSearchDocument document, Article article)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(article);
        document.Title = SearchHighlight.RemoveMarkers(article.Title);
        document.Summary = article.Summary is null ? null : SearchHighlight.RemoveMarkers(article.Summary);
        document.Body = BodyText(article.Body);
        document.Aliases = AliasesOf(document.Title, document.Summary, document.Body);
        document.RecencyMinutes = ArticleSearchDocumentKeys.RecencyMinutesOf(article.PublishedAt ?? article.CreatedAt);
    }

    /// <summary>The body as readers read it: Markdown rendered to plain text (no <c>**</c>, link targets or table pipes).</summary>
    public static string BodyText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return SearchHighlight.RemoveMarkers(Markdown.ToPlainText(markdown, PlainText).Trim());
    }

    /// <summary>
    /// The ASCII transliteration (AnyAscii) of each distinct word that removing accents alone does not make ASCII: what
    /// SQLite's unicode61 tokenizer cannot fold (Ø, ß, Æ, Ł, Đ, Þ; also other scripts' romanisation). PostgreSQL's
    /// unaccent folds the Latin ones itself; both index the aliases, so both find the same articles.
    /// </summary>
    public static string? AliasesOf(params string?[] texts)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var aliases = new List<string>();
        foreach (var text in texts)
        {
            foreach (var word in NonAsciiWords(text))
            {
                var alias = word.Transliterate();
                if (!string.Equals(alias, WithoutAccents(word), StringComparison.OrdinalIgnoreCase) && seen.Add(alias))
                {
                    aliases.Add(alias);
                }
            }
        }

        return aliases.Count == 0 ? null : string.Join(' ', aliases);
    }

    private static IEnumerable<string> NonAsciiWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        var nonAscii = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord)
            {
                if (start < 0)
                {
                    start = i;
                    nonAscii = false;
                }

                nonAscii |= text[i] > '\u007F';
            }
            else if (start >= 0)
            {
                if (nonAscii)
                {
                    yield return text[start..i];
                }

                start = -1;
            }
        }
    }

    private static string WithoutAccents(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var stripped = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                stripped.Append(c);
            }
        }

        return stripped.ToString();
    }
}
