using System.Text;

namespace NewsGraph.GraphQL.Data.Search;

/// <summary>
/// Renders a <see cref="SearchQuery"/> as an SQLite FTS5 MATCH expression. Every term becomes an FTS5 string
/// (<c>"…"</c>, inner quotes doubled), so nothing a reader types is read as FTS5 syntax (<c>NEAR</c>, <c>*</c>,
/// <c>^</c>, column filters) and the engine never reports a syntax error; the table's tokenizer then splits, folds and
/// stems the string the way it did the documents (a word with a hyphen becomes a phrase of its parts).
/// </summary>
public static class Fts5MatchExpression
{
    public static string Render(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var builder = new StringBuilder();
        for (var i = 0; i < query.Clauses.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(" AND ");
            }

            var alternatives = query.Clauses[i].Alternatives;
            builder.Append('(');
            for (var j = 0; j < alternatives.Count; j++)
            {
                if (j > 0)
                {
                    builder.Append(" OR ");
                }

                AppendString(builder, alternatives[j].Text);
            }

            builder.Append(')');
        }

        // FTS5's NOT is binary: (everything required) NOT (any excluded).
        if (query.Excluded.Count > 0)
        {
            builder.Insert(0, '(').Append(") NOT (");
            for (var i = 0; i < query.Excluded.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(" OR ");
                }

                AppendString(builder, query.Excluded[i].Text);
            }

            builder.Append(')');
        }

        return builder.ToString();
    }

    private static void AppendString(StringBuilder builder, string text) =>
        builder.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
}
