using System.Text.Json.Nodes;
using NewsGraph.Benchmarks.Infrastructure;

namespace NewsGraph.Benchmarks.Search;

/// <summary>What a measured request asks: a search of a given shape, or the <c>contains</c> baseline.</summary>
internal enum Shape
{
    /// <summary><c>articles(where: { body: { contains: W } }, first: 10)</c>: the baseline.</summary>
    Contains,

    /// <summary>One word, with <c>titleHighlight</c> and <c>snippet</c>.</summary>
    OneWord,

    /// <summary>One word, score and title only: the highlights' share is the difference to <see cref="OneWord"/>.</summary>
    OneWordPlain,

    TwoWords,
    ThreeWords,

    /// <summary>A "quoted phrase" of two adjacent words.</summary>
    Phrase,
}

/// <summary>One request of a variant's rotation: its query text and the GraphQL body sent for it.</summary>
internal sealed record WorkloadQuery(string Text, byte[] Body)
{
    /// <summary>Matches a reader can find (searchArticles' totalCount), measured before timing.</summary>
    public int Matches { get; set; } = -1;
}

/// <summary>A measured variant: a frequency class and a shape, rotating over several queries so no single statement is all that is timed.</summary>
internal sealed record Variant(Frequency Frequency, Shape Shape, IReadOnlyList<WorkloadQuery> Queries)
{
    public string Name => $"{Frequency.ToString().ToLowerInvariant()} {ShapeName(Shape)}";

    public bool IsSearch => Shape != Shape.Contains;

    public static string ShapeName(Shape shape) => shape switch
    {
        Shape.Contains => "contains (baseline)",
        Shape.OneWord => "1 word",
        Shape.OneWordPlain => "1 word, no highlights",
        Shape.TwoWords => "2 words",
        Shape.ThreeWords => "3 words",
        _ => "\"phrase\"",
    };
}

/// <summary>The documents and the variants built from the chosen vocabulary.</summary>
internal static class SearchWorkload
{
    public const int PageSize = 10;

    public const string SearchDocument =
        "query Search($q: String!) { searchArticles(query: $q, first: 10) { edges { node { score titleHighlight snippet article { title } } } } }";

    public const string PlainSearchDocument =
        "query Search($q: String!) { searchArticles(query: $q, first: 10) { edges { node { score article { title } } } } }";

    public const string ContainsDocument =
        "query Contains($w: String!) { articles(where: { body: { contains: $w } }, first: 10) { nodes { title } } }";

    public const string SearchCountDocument = "query Count($q: String!) { searchArticles(query: $q, first: 1) { totalCount } }";

    public const string ContainsCountDocument = "query Count($w: String!) { articles(where: { body: { contains: $w } }, first: 1) { totalCount } }";

    /// <summary>
    /// Per class: the baseline and the search shapes. Two- and three-word queries are the class's word followed by very
    /// common words, so they stay in the class (every word must match) while the engine combines two or three terms.
    /// </summary>
    public static List<Variant> Build(IReadOnlyList<VocabularyClass> vocabulary)
    {
        IReadOnlyList<string> common = vocabulary.Single(c => c.Frequency == Frequency.Common).Words;
        var variants = new List<Variant>();
        foreach (VocabularyClass cls in vocabulary)
        {
            IReadOnlyList<string> words = cls.Words;
            variants.Add(new Variant(cls.Frequency, Shape.Contains, [.. words.Select(w => Query(ContainsDocument, "w", w))]));
            variants.Add(new Variant(cls.Frequency, Shape.OneWord, [.. words.Select(w => Query(SearchDocument, "q", w))]));
            variants.Add(new Variant(cls.Frequency, Shape.OneWordPlain, [.. words.Select(w => Query(PlainSearchDocument, "q", w))]));
            variants.Add(new Variant(cls.Frequency, Shape.TwoWords, [.. words.Select((w, i) => Query(SearchDocument, "q", string.Join(' ', w, Other(common, w, i, 0))))]));
            variants.Add(new Variant(cls.Frequency, Shape.ThreeWords, [.. words.Select((w, i) => Query(SearchDocument, "q", string.Join(' ', w, Other(common, w, i, 0), Other(common, w, i, 1))))]));
            variants.Add(new Variant(cls.Frequency, Shape.Phrase, [.. cls.Phrases.Select(p => Query(SearchDocument, "q", $"\"{p}\""))]));
        }

        return variants;
    }

    // The (k+1)th common word after position i that is not the word itself.
    private static string Other(IReadOnlyList<string> common, string word, int i, int k) =>
        Enumerable.Range(1, common.Count * 2).Select(step => common[(i + step) % common.Count]).Where(c => c != word).Distinct().ElementAt(k);

    private static WorkloadQuery Query(string document, string variable, string value) =>
        new(value, BenchServer.Body(document, new JsonObject { [variable] = value }));
}
