namespace NewsGraph.GraphQL.Data.Search;

/// <summary>
/// A reader's search, parsed (<see cref="SearchQueryParser"/>): every clause must match, where a clause is one term or
/// several alternatives joined by <c>OR</c>, and no excluded term may. Records compare by value, so requests for the
/// same search can share a batch.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchClause> Clauses, IReadOnlyList<SearchTerm> Excluded)
{
    public bool Equals(SearchQuery? other) =>
        other is not null && Clauses.SequenceEqual(other.Clauses) && Excluded.SequenceEqual(other.Excluded);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var clause in Clauses)
        {
            hash.Add(clause);
        }

        foreach (var term in Excluded)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }

    /// <summary>The search as the reader could have typed it; for logs and cache keys.</summary>
    public override string ToString() =>
        string.Join(' ', Clauses.Select(clause => clause.ToString()).Concat(Excluded.Select(term => "-" + Format(term))));

    internal static string Format(SearchTerm term) => term.IsPhrase ? $"\"{term.Text}\"" : term.Text;
}

/// <summary>Terms of which at least one must match (one term: it must).</summary>
public sealed record SearchClause(IReadOnlyList<SearchTerm> Alternatives)
{
    public bool Equals(SearchClause? other) => other is not null && Alternatives.SequenceEqual(other.Alternatives);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var term in Alternatives)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(" OR ", Alternatives.Select(SearchQuery.Format));
}
