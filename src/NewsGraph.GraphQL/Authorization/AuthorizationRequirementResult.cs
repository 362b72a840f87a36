namespace NewsGraph.GraphQL.Authorization;

/// <summary>The outcome of checking one schema element's authorization metadata against the current user.</summary>
internal readonly record struct AuthorizationRequirementResult(AuthorizationOutcome Outcome, string? Requirement)
{
    public static AuthorizationRequirementResult Allowed { get; } = new(AuthorizationOutcome.Allowed, null);

    public static AuthorizationRequirementResult Unauthenticated { get; } = new(AuthorizationOutcome.NotAuthenticated, null);

    public static AuthorizationRequirementResult Forbidden(string requirement) => new(AuthorizationOutcome.NotAuthorized, requirement);
}
