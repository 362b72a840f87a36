using System.ComponentModel.DataAnnotations;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>
/// Connection paging limits (HC defaults: 10 and 50). Register as a singleton to change them; <see cref="IsValid"/>
/// says whether they make sense together.
/// </summary>
public sealed class PagingOptions
{
    /// <summary>Page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    [Range(1, int.MaxValue)]
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest allowed <c>first</c>/<c>last</c>; larger requests fail with HC0051.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPageSize { get; set; } = 50;

    /// <summary>
    /// Where the database sorts NULLs, which keyset predicates must mirror: <c>true</c> = NULL is the smallest
    /// value (first in ASC, last in DESC: SQLite, SQL Server, MySQL); <c>false</c> = largest (PostgreSQL, Oracle).
    /// </summary>
    public bool NullsSortFirstAscending { get; set; } = true;

    /// <summary>A page without <c>first</c>/<c>last</c> must be one a client could also ask for.</summary>
    public bool IsValid => DefaultPageSize <= MaxPageSize;
}
