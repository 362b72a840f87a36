using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>
/// Sends a <see cref="CredentialCase"/> over one transport with real clients and reports what the server made of it.
/// Where a mutation can run (everywhere but GET) it tells all outcomes apart: deleting a tag that does not exist is a
/// <c>NotFoundError</c> for an editor (nothing changes), <c>AUTH_NOT_AUTHORIZED</c> without the role and
/// <c>AUTH_NOT_AUTHENTICATED</c> for a reader. Over GET a query for a draft tells editors from everyone else.
/// </summary>
public static class CredentialProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static readonly string Mutation =
        $$"""mutation { deleteTag(input: { id: "{{Catalogue.GlobalId("Tag", 999_999)}}" }) { errors { __typename } } }""";

    public static Task<CredentialOutcome> SendAsync(NewsGraphServer server, CredentialTransport transport, CredentialCase credential) => transport switch
    {
        CredentialTransport.HttpPost => HttpPostAsync(server, credential, "application/graphql-response+json"),
        CredentialTransport.ServerSentEvents => HttpPostAsync(server, credential, "text/event-stream"),
        CredentialTransport.MultipartHttp => HttpPostAsync(server, credential, "multipart/mixed;subscriptionSpec=1.0"),
        CredentialTransport.HttpGet => HttpGetAsync(server, credential),
        CredentialTransport.WebSocketUpgrade => WebSocketAsync(server, "graphql-transport-ws", credential.Headers(), payload: null),
        CredentialTransport.WebSocketInit => WebSocketAsync(server, "graphql-transport-ws", [], InitPayload(credential)),
        CredentialTransport.LegacyWebSocketInit => WebSocketAsync(server, "graphql-ws", [], InitPayload(credential)),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    private static async Task<CredentialOutcome> HttpPostAsync(NewsGraphServer server, CredentialCase credential, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = Mutation }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        AddHeaders(request, credential);
        using var timeout = new CancellationTokenSource(Timeout);
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return await RefusedAsync(response, timeout.Token);
        }

        if (accept.StartsWith("multipart/", StringComparison.Ordinal))
        {
            // One part, {"payload": result}, between the graphql delimiters.
            Assert.Equal("multipart/mixed", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var part = text.Split("\r\n--graphql").Single(p => p.Contains("\"payload\"", StringComparison.Ordinal));
            return FromMutationResult(JsonNode.Parse(part[part.IndexOf('{', StringComparison.Ordinal)..])!["payload"]!);
        }

        if (accept != "text/event-stream")
        {
            return FromMutationResult(JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!);
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return FromMutationResult(JsonNode.Parse(line["data: ".Length..])!);
            }
        }

        throw new Xunit.Sdk.XunitException("The event stream ended without a result.");
    }

    private static async Task<CredentialOutcome> HttpGetAsync(NewsGraphServer server, CredentialCase credential)
    {
        var draft = (await Catalogue.AllArticlesAsync(server)).First(a => a.Status == ArticleStatus.Draft);
        var query = $$"""{ articleBySlug(slug: "{{draft.Slug}}") { slug } }""";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        AddHeaders(request, credential);
        using var timeout = new CancellationTokenSource(Timeout);
        using var response = await server.Http.SendAsync(request, timeout.Token);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return await RefusedAsync(response, timeout.Token);
        }

        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        // A query cannot tell a reader from someone without a role: both see published articles only.
        return JsonNode.Parse(text)!["data"]!["articleBySlug"] is null ? CredentialOutcome.Anonymous : CredentialOutcome.Editor;
    }

    private static void AddHeaders(HttpRequestMessage request, CredentialCase credential)
    {
        foreach (var (name, value) in credential.Headers())
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value), $"{name}: {value}");
        }
    }

    /// <summary>A 401 must say which schemes to use and carry the GraphQL error body.</summary>
    private static async Task<CredentialOutcome> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!;
        Assert.Null(body["data"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        return CredentialOutcome.Refused;
    }

    private static CredentialOutcome FromMutationResult(JsonNode result)
    {
        var code = (string?)result["errors"]?[0]?["extensions"]?["code"];
        if (code is "AUTH_NOT_AUTHENTICATED")
        {
            return CredentialOutcome.Anonymous;
        }

        if (code is "AUTH_NOT_AUTHORIZED")
        {
            return CredentialOutcome.NoRole;
        }

        Assert.True((string?)result["data"]?["deleteTag"]?["errors"]?[0]?["__typename"] == "NotFoundError", result.ToJsonString());
        return CredentialOutcome.Editor;
    }

    /// <summary>The case's values as the <c>connection_init</c> payload fields that stand for the headers.</summary>
    private static JsonObject? InitPayload(CredentialCase credential)
    {
        if (credential.Authorization is null && credential.ApiKey is null)
        {
            return null;
        }

        var payload = new JsonObject();
        if (credential.Authorization is not null)
        {
            payload["authorization"] = credential.Authorization;
        }

        if (credential.ApiKey is not null)
        {
            payload["apiKey"] = credential.ApiKey;
        }

        return payload;
    }

    private static async Task<CredentialOutcome> WebSocketAsync(
        NewsGraphServer server, string subProtocol, IEnumerable<KeyValuePair<string, string>> headers, JsonObject? payload)
    {
        GraphQLWebSocketClient client;
        try
        {
            client = await GraphQLWebSocketClient.ConnectAsync(LoopbackServer.WebSocketUri(server.BaseAddress), [subProtocol], headers);
        }
        catch (WebSocketUpgradeRefusedException refused) when (refused.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Refused before the upgrade, with a challenge naming the schemes to use.
            Assert.True(refused.Headers.ContainsKey("WWW-Authenticate"), "401 without WWW-Authenticate");
            return CredentialOutcome.Refused;
        }

        using (client)
        {
            var init = new JsonObject { ["type"] = "connection_init" };
            if (payload is not null)
            {
                init["payload"] = payload;
            }

            await client.SendAsync(init);
            var acknowledged = false;
            while (true)
            {
                var message = await client.ReceiveOrEndAsync(Timeout);
                if (message is null)
                {
                    Assert.False(acknowledged, "The connection closed after connection_ack.");
                    Assert.Equal(4403, (int?)client.CloseStatus);
                    return CredentialOutcome.Refused;
                }

                switch ((string?)message["type"])
                {
                    case "connection_ack":
                        acknowledged = true;
                        await client.SubscribeAsync("1", Mutation);
                        break;
                    case "next" or "data":
                        return FromMutationResult(message["payload"]!);
                    case "error":
                        // graphql-transport-ws: the errors array; legacy: { errors }.
                        var errors = message["payload"] is JsonArray array ? array.DeepClone() : message["payload"]!["errors"]!.DeepClone();
                        return FromMutationResult(new JsonObject { ["errors"] = errors });
                }
            }
        }
    }
}
