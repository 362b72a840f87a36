using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>A <c>where</c> or <c>order</c> argument is larger than the input limits allow.</summary>
public sealed class InputLimitError : ValidationError
{
    public InputLimitError(ROM source, ASTNode node, string code, string message)
        : base(source, null!, message, node)
    {
        Code = code;
    }
}
