using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.ScaleOut;

/// <summary>An <c>onArticlePublished</c> subscription as server-sent events (graphql-sse, distinct connections).</summary>
public sealed class SsePublicationFeed : PublicationFeed
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly StringBuilder _text = new();
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly byte[] _buffer = new byte[4096];
    private Task<int>? _read;

    private SsePublicationFeed(string name, HttpClient http, HttpResponseMessage response, Stream body)
        : base(name)
    {
        _http = http;
        _response = response;
        _body = body;
    }

    /// <summary>Subscribes; the response headers come once the server has made the subscription.</summary>
    public static async Task<SsePublicationFeed> OpenAsync(string instance, ServerProcess server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path)
        {
            Content = new StringContent(GraphQLHttp.Request(Subscription).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SsePublicationFeed($"{instance} over SSE", http, response, await response.Content.ReadAsStreamAsync());
    }

    public override void Dispose()
    {
        _response.Dispose();
        _http.Dispose();
    }

    protected override async Task<string?> NextSlugAsync(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            // Whole events only: an event ends with an empty line. Keep-alive comments (":") carry no event.
            var text = _text.ToString();
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                _text.Remove(0, end + 2);
                var lines = text[..end].Split('\n');
                if (lines.FirstOrDefault(l => l.StartsWith("event:", StringComparison.Ordinal)) is not { } type)
                {
                    continue;
                }

                Assert.True(type == "event: next", $"{Name}: expected an event, got {text[..end]}");
                var data = lines.First(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..];
                return (string?)JsonNode.Parse(data)!["data"]!["onArticlePublished"]!["slug"];
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            _read ??= _body.ReadAsync(_buffer).AsTask();
            try
            {
                var read = await _read.WaitAsync(left);
                _read = null;
                Assert.True(read > 0, $"{Name}: the stream ended.");
                var chars = new char[_utf8.GetCharCount(_buffer, 0, read)];
                _utf8.GetChars(_buffer, 0, read, chars, 0);
                _text.Append(chars);
            }
            catch (TimeoutException)
            {
                // The read stays in flight: the next call picks up what it gets.
                return null;
            }
        }
    }
}
