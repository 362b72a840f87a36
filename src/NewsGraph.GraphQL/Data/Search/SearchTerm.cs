namespace NewsGraph.GraphQL.Data.Search;

/// <summary>
/// One thing a reader typed: a word or a quoted phrase, as typed (case and diacritics are the search engine's
/// business: its tokenizer folds and stems both the documents and the terms the same way).
/// </summary>
public sealed record SearchTerm(string Text, bool IsPhrase);
