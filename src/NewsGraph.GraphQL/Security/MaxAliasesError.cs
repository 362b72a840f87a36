using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>The document uses more aliases than allowed (alias floods multiply work without deepening the query).</summary>
public sealed class MaxAliasesError : ValidationError
{
    public MaxAliasesError(ROM source, ASTNode node, int count, int allowed)
        : base(source, null!, $"The GraphQL document contains {count} aliases which exceeds the max allowed number of aliases of {allowed}.", node)
    {
        Code = SecurityErrorCodes.MaxAliasesExceeded;
    }
}
