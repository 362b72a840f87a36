namespace NewsGraph.GraphQL.Authorization;

/// <summary>
/// <c>extensions.code</c> of authorization errors: Hot Chocolate's <c>ErrorCodes.Authentication</c> values, so a
/// client written against Hot Chocolate tells "log in" from "you may not" the same way.
/// </summary>
public static class AuthorizationErrorCodes
{
    /// <summary>The request carries no (valid) identity, and the selection needs one.</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The identity is known but lacks a role or fails a policy the selection needs.</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
}
