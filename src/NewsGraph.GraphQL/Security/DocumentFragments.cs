using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>The fragment definitions of a document by name (the first wins; duplicates are reported by the core rules).</summary>
internal static class DocumentFragments
{
    public static Dictionary<string, GraphQLFragmentDefinition> Of(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        return fragments;
    }
}
