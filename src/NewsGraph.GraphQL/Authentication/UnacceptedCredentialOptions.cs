using Microsoft.AspNetCore.Authentication;

namespace NewsGraph.GraphQL.Authentication;

public sealed class UnacceptedCredentialOptions : AuthenticationSchemeOptions
{
    /// <summary>The schemes a refused client is told to use (<c>WWW-Authenticate</c>): the ones this server accepts.</summary>
    public IList<string> AcceptedSchemes { get; } = [];
}
