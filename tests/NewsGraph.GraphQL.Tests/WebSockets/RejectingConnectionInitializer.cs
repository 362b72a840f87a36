using System.Security.Claims;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>
/// A stand-in for authentication: accepts <c>{"token":"letmein"}</c> (as user "editor"), rejects other payloads,
/// and throws for <c>{"token":"boom"}</c>.
/// </summary>
public sealed class RejectingConnectionInitializer : IWebSocketConnectionInitializer
{
    public ValueTask<WebSocketConnectionInitResult> InitializeAsync(WebSocketConnectionInitContext context, CancellationToken cancellationToken)
    {
        var token = context.Payload is { } payload && payload.TryGetValue("token", out var value) ? value as string : null;
        switch (token)
        {
            case "letmein":
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor")], "test"));
                return ValueTask.FromResult(WebSocketConnectionInitResult.Accept(new Dictionary<string, object?> { ["welcome"] = "editor" }));
            case "boom":
                throw new InvalidOperationException("initializer failure");
            default:
                return ValueTask.FromResult(WebSocketConnectionInitResult.Reject("Invalid token"));
        }
    }
}
