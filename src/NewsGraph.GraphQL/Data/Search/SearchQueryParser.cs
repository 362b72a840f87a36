using System.Text;
using GraphQL;

namespace NewsGraph.GraphQL.Data.Search;

/// <summary>
/// Reads what a reader types into a search box — words (all must match), <c>"quoted phrases"</c>, <c>-excluded</c>
/// words or phrases and <c>OR</c> between two terms — the way web search engines (and PostgreSQL's
/// <c>websearch_to_tsquery</c>) read it: <c>OR</c> binds tighter than the implicit AND, so <c>putin xi OR modi</c> is
/// putin AND (xi OR modi). Nothing is a syntax error: an unmatched quote runs to the end, a lone <c>-</c> or a leading,
/// trailing or doubled <c>OR</c> is ignored, and a term without a letter or digit (<c>+</c>, <c>…</c>) is dropped,
/// because the engines would find nothing for it. Engine operators typed by the reader (<c>NEAR</c>, <c>*</c>, <c>:</c>,
/// <c>&amp;</c>) are plain text here; each engine's renderer quotes every term.
/// Hand-written: no served package parses this syntax.
/// </summary>
public static class SearchQueryParser
{
    /// <summary>Longest search accepted, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>Most terms (words and phrases, excluded ones included) a search may have.</summary>
    public const int MaxTerms = 32;

    /// <summary>Parses <paramref name="text"/>, or throws a client-facing <see cref="ExecutionError"/> when there is nothing to search for.</summary>
    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Empty("The search is empty: type at least one word to search for.");
        }

        if (text.Length > MaxLength)
        {
            throw new ExecutionError($"The search is {text.Length} characters long; at most {MaxLength} are allowed.")
            {
                Code = SearchErrorCodes.SearchTooLong,
            };
        }

        var clauses = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var joinWithPrevious = false;
        var count = 0;
        foreach (var token in Tokenize(text))
        {
            if (token is { IsOperator: true })
            {
                // OR between two positive terms joins them; anywhere else it means nothing.
                joinWithPrevious = clauses.Count > 0;
                continue;
            }

            if (!HasLetterOrDigit(token.Term.Text))
            {
                continue;
            }

            if (++count > MaxTerms)
            {
                throw new ExecutionError($"The search has more than {MaxTerms} words and phrases; use fewer.")
                {
                    Code = SearchErrorCodes.SearchTooLong,
                };
            }

            if (token.IsExcluded)
            {
                excluded.Add(token.Term);
                joinWithPrevious = false;
            }
            else if (joinWithPrevious)
            {
                clauses[^1].Add(token.Term);
                joinWithPrevious = false;
            }
            else
            {
                clauses.Add([token.Term]);
            }
        }

        if (clauses.Count == 0)
        {
            throw Empty(excluded.Count > 0
                ? "The search only excludes words: add at least one word to search for."
                : "The search has no words to search for: type at least one word (letters or digits).");
        }

        return new SearchQuery(
            clauses.Select(alternatives => new SearchClause(alternatives.Distinct().ToList())).Distinct().ToList(),
            excluded.Distinct().ToList());
    }

    private static ExecutionError Empty(string message) => new(message) { Code = SearchErrorCodes.EmptySearch };

    private static bool HasLetterOrDigit(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Token> Tokenize(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                excluded = true;
                i++;
            }

            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                var phrase = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
                var words = string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                yield return new Token(new SearchTerm(words, IsPhrase: true), excluded, IsOperator: false);
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var word = text[start..i];
            yield return word == "OR" && !excluded
                ? new Token(new SearchTerm(word, IsPhrase: false), IsExcluded: false, IsOperator: true)
                : new Token(new SearchTerm(word, IsPhrase: false), excluded, IsOperator: false);
        }
    }

    private readonly record struct Token(SearchTerm Term, bool IsExcluded, bool IsOperator);
}
