using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>Introspection is switched off; Hot Chocolate's message and code (HC0046).</summary>
public sealed class IntrospectionNotAllowedError : ValidationError
{
    public IntrospectionNotAllowedError(ROM source, ASTNode node)
        : base(source, null!, "Introspection is not allowed for the current request.", node)
    {
        Code = SecurityErrorCodes.IntrospectionNotAllowed;
    }
}
