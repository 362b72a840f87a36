namespace NewsGraph.GraphQL.Authorization;

internal enum AuthorizationOutcome
{
    Allowed,
    NotAuthenticated,
    NotAuthorized,
}
