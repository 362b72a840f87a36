namespace NewsGraph.GraphQL.Authentication;

public static class UnacceptedCredentialDefaults
{
    /// <summary>
    /// The scheme of every request that neither the API-key nor the bearer scheme takes: no credential (no result)
    /// or one the server cannot accept (a failure).
    /// </summary>
    public const string AuthenticationScheme = "UnacceptedCredential";
}
