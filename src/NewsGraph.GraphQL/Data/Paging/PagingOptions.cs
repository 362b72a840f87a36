namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Connection paging limits (HC defaults: 10 and 50). Register as a singleton to change them.</summary>
public sealed class PagingOptions
{
    /// <summary>Page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest allowed <c>first</c>/<c>last</c>; larger requests fail with HC0051.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>
    /// Where the database sorts NULLs, which keyset predicates must mirror: <c>true</c> = NULL is the smallest
    /// value (first in ASC, last in DESC: SQLite, SQL Server, MySQL); <c>false</c> = largest (PostgreSQL, Oracle).
    /// </summary>
    public bool NullsSortFirstAscending { get; set; } = true;
}
