using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.Transports;

/// <summary>Opens a <see cref="GraphQLWebSocketClient"/> to the NewsGraph server's <c>/graphql</c>, init handshake done.</summary>
public static class TransportClient
{
    /// <summary>Connects with <paramref name="subProtocol"/>, optionally a <c>connection_init</c> payload and upgrade headers.</summary>
    public static Task<GraphQLWebSocketClient> ConnectAsync(
        Uri httpBase, string subProtocol, JsonObject? initPayload = null, IReadOnlyDictionary<string, string>? headers = null) =>
        GraphQLWebSocketClient.ConnectAndInitAsync(httpBase, subProtocol, initPayload, headers);
}
