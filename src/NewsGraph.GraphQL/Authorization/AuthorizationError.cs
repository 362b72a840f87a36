using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Authorization;

/// <summary>
/// A selection the current user may not make. A validation error, so the whole operation is refused before
/// anything executes (no resolver runs, no mutation writes) and GraphQL over HTTP answers 400.
/// </summary>
public sealed class AuthorizationError : ValidationError
{
    private AuthorizationError(ROM source, ASTNode node, string message, string code)
        : base(source, null!, message, node)
    {
        Code = code;
    }

    /// <summary>Anonymous request, protected selection.</summary>
    public static AuthorizationError NotAuthenticated(ROM source, ASTNode node, string target)
        => new(source, node,
            $"The current user is not authorized to access this resource: {target} requires an authenticated user. Send credentials with the request.",
            AuthorizationErrorCodes.NotAuthenticated);

    /// <summary>Authenticated request lacking a role or failing a policy.</summary>
    public static AuthorizationError NotAuthorized(ROM source, ASTNode node, string target, string requirement)
        => new(source, node,
            $"The current user is not authorized to access this resource: {target} requires {requirement}.",
            AuthorizationErrorCodes.NotAuthorized);
}
