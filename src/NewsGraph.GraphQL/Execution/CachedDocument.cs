using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

/// <summary>A document that passed full validation, and the one string instance its AST was parsed from.</summary>
public sealed class CachedDocument
{
    internal CachedDocument(string text, GraphQLDocument document)
    {
        Text = text;
        Document = document;
    }

    public string Text { get; }

    public GraphQLDocument Document { get; }

    /// <summary>Set by a hit, cleared by an eviction sweep: entries not used between two sweeps are evicted.</summary>
    internal bool Used { get; set; }
}
