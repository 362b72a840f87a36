using System.Text;

namespace NewsGraph.GraphQL.Data.Search;

/// <summary>
/// Renders a <see cref="SearchQuery"/> as a PostgreSQL <c>tsquery</c> expression: each term is a parameter passed to
/// <c>phraseto_tsquery</c> (a word is a phrase of one), joined with <c>&amp;&amp;</c>, <c>||</c> and <c>!!</c>. The
/// reader's text never becomes tsquery syntax, so no input is a syntax error, and the text search configuration stems
/// and folds it as it did the documents. The same reading as SQLite's <see cref="Fts5MatchExpression"/>.
/// </summary>
public static class PostgreSqlTsQuery
{
    /// <summary>
    /// The SQL expression. <paramref name="bind"/> receives each term's text and returns the placeholder to put in its
    /// place; <paramref name="configuration"/> is a text search configuration's name, from code, never from a request.
    /// </summary>
    public static string Render(SearchQuery query, string configuration, Func<string, string> bind)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ArgumentNullException.ThrowIfNull(bind);

        string Term(SearchTerm term) => $"phraseto_tsquery('{configuration}', {bind(term.Text)})";

        var builder = new StringBuilder("(");
        builder.AppendJoin(" && ", query.Clauses.Select(clause => "(" + string.Join(" || ", clause.Alternatives.Select(Term)) + ")"));
        builder.Append(')');
        if (query.Excluded.Count > 0)
        {
            builder.Append(" && !!(").AppendJoin(" || ", query.Excluded.Select(Term)).Append(')');
        }

        return builder.ToString();
    }
}
