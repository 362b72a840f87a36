using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// One parsed <see cref="GraphQLDocument"/> per distinct subscription document text, so 10,000 subscribers of the same
/// query keep one AST alive, not 10,000 (each subscription retains its document for its lifetime). Only the parse is
/// shared: every request is still validated with all its rules (authorization and limits included), so nothing that
/// depends on the user or the variables is skipped. Documents are parsed with the container's
/// <see cref="IDocumentBuilder"/> (its depth limits), one cache per builder. Bounded: when full it starts over.
/// </summary>
internal static class ParsedSubscriptionDocumentCache
{
    private const int MaxEntries = 512;
    private static readonly ConditionalWeakTable<IDocumentBuilder, ConcurrentDictionary<string, Entry>> Caches = new();

    /// <summary>
    /// The parsed document of <paramref name="query"/>: shared when it holds a subscription, fresh otherwise; null when
    /// it does not parse (the executer then parses it again and reports the error as usual).
    /// </summary>
    /// <param name="query">Replaced by the cached instance of the same text, so subscriptions share that string too.</param>
    public static GraphQLDocument? GetOrParse(IDocumentBuilder builder, ref string query)
    {
        var cache = Caches.GetValue(builder, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
        if (cache.TryGetValue(query, out var cached))
        {
            query = cached.Query;
            return cached.Document;
        }

        GraphQLDocument document;
        try
        {
            document = builder.Build(query);
        }
#pragma warning disable CA1031 // Any parse failure is reported by the executer, which parses again.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        if (!document.Definitions.Any(d => d is GraphQLOperationDefinition { Operation: OperationType.Subscription }))
        {
            return document;
        }

        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        var entry = cache.GetOrAdd(query, new Entry(query, document));
        query = entry.Query;
        return entry.Document;
    }

    private sealed record Entry(string Query, GraphQLDocument Document);
}
