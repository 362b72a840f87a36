using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// What an <see cref="IWebSocketConnectionInitializer"/> sees of a connection being initialized, and what it may
/// change for every operation of the connection: the user and the user context.
/// </summary>
public sealed class WebSocketConnectionInitContext
{
    internal WebSocketConnectionInitContext(HttpContext httpContext, string subProtocol, IReadOnlyDictionary<string, object?>? payload, IDictionary<string, object?> userContext)
    {
        HttpContext = httpContext;
        SubProtocol = subProtocol;
        Payload = payload;
        UserContext = userContext;
        User = httpContext.User;
    }

    /// <summary>The upgrade request (headers, query string, connection).</summary>
    public HttpContext HttpContext { get; }

    public string SubProtocol { get; }

    /// <summary>The <c>connection_init</c> payload (JSON object as dictionaries and lists), null when absent.</summary>
    public IReadOnlyDictionary<string, object?>? Payload { get; }

    /// <summary>The user every operation of this connection executes as; set it after authenticating.</summary>
    public ClaimsPrincipal User { get; set; }

    /// <summary>
    /// The user context shared by the operations of this connection (each execution gets a copy). It already holds
    /// the init payload under <see cref="WebSocketUserContextKeys.ConnectionInitPayload"/> unless it was absent or empty.
    /// </summary>
    public IDictionary<string, object?> UserContext { get; }
}
