namespace NewsGraph.Server.Data;

/// <summary>
/// The score of one search document, looked up by key for matches already narrowed to what the reader may see; a row of
/// a search query, not a table, and without a visibility filter of its own (EF Core's IgnoreQueryFilters would lift the
/// filter from the whole query, the matches' included).
/// </summary>
public class ArticleSearchScore
{
    public long SearchKey { get; set; }

    public double Score { get; set; }
}
