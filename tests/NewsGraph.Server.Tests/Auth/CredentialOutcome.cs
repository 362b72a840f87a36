namespace NewsGraph.Server.Tests.Auth;

/// <summary>What the server makes of a credential.</summary>
public enum CredentialOutcome
{
    /// <summary>No credential: served as a reader (a mutation is <c>AUTH_NOT_AUTHENTICATED</c>).</summary>
    Anonymous,

    /// <summary>Someone without the editor role (a mutation is <c>AUTH_NOT_AUTHORIZED</c>).</summary>
    NoRole,

    /// <summary>An editor: drafts are visible and mutations run.</summary>
    Editor,

    /// <summary>Refused: 401 with <c>WWW-Authenticate</c> over HTTP, SSE and the WebSocket upgrade; 4403 in <c>connection_init</c>.</summary>
    Refused,
}
