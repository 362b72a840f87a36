using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>
/// Hostile requests through HTTP against a real server: each gets a clear error, quickly (loosely: well under the
/// execution timeout; speed targets belong in bench/), while a good request sent at the same time is served, and
/// none of them takes the process down (a stack overflow would end the test run).
/// </summary>
[Collection(SharedServer.Name)]
public sealed class HostileDocumentTests(ServerFixture fixture)
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Documents => [.. HostileBodies.Keys];

    private static readonly Dictionary<string, (Func<byte[]> Body, HttpStatusCode Status, string? Code)> HostileBodies = new()
    {
        ["100-level nesting"] = (() => Json(Nest(100)), HttpStatusCode.BadRequest, null),
        ["10,000 aliases"] = (() => Json("{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename ")) + "}"), HttpStatusCode.BadRequest, "MAX_DOCUMENT_LENGTH_EXCEEDED"),
        ["fragment cycle"] = (() => Json("query { articles { nodes { ...A } } } fragment A on Article { author { articles { nodes { ...B } } } } fragment B on Article { ...A }"), HttpStatusCode.BadRequest, null),
        ["5 MB document"] = (() => Json("{ __typename " + new string(' ', 5 * 1024 * 1024) + "}"), HttpStatusCode.BadRequest, "MAX_DOCUMENT_LENGTH_EXCEEDED"),
        ["directive flood"] = (() => Json("{ __typename " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 10_000)) + "}"), HttpStatusCode.BadRequest, "MAX_DOCUMENT_LENGTH_EXCEEDED"),
        ["deeply nested variables"] = (() => Encoding.UTF8.GetBytes("""{"query":"query ($w: ArticleFilterInput) { articles(where: $w) { nodes { id } } }","variables":{"w":""" + new string('[', 10_000) + new string(']', 10_000) + "}}"), HttpStatusCode.BadRequest, "JSON_INVALID"),
        ["invalid UTF-8"] = (() => [.. Encoding.UTF8.GetBytes("{\"query\":\"{ __typename \""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("}\"}")], HttpStatusCode.BadRequest, "JSON_INVALID"),
        ["long fragment chain"] = (() => Json("{ ...F0 } " + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} ")) + "fragment F2000 on Query { __typename }"), HttpStatusCode.BadRequest, null),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Hostile_request_gets_a_clear_error_quickly_while_others_are_served(string name)
    {
        var (body, status, code) = HostileBodies[name];
        var http = fixture.Server.Http;

        var hostile = RawGraphQLClient.PostAsync(http, body());
        var good = RawGraphQLClient.PostQueryAsync(http, "{ articles(first: 1) { nodes { title } } }");
        var (hostileResult, goodResult) = (await hostile, await good);

        Assert.Equal(status, hostileResult.Status);
        Assert.NotNull(hostileResult.Body);
        Assert.False(string.IsNullOrEmpty(RawGraphQLClient.FirstErrorMessage(hostileResult.Body)), hostileResult.Text);
        Assert.Null(hostileResult.Body!["data"]);
        if (code is not null)
        {
            Assert.Equal(code, RawGraphQLClient.FirstErrorCode(hostileResult.Body));
        }

        Assert.True(hostileResult.Elapsed < Quickly, $"{name} took {hostileResult.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, goodResult.Status);
        Assert.NotNull(goodResult.Body?["data"]?["articles"]);

        // And the server still answers afterwards.
        var after = await fixture.Server.PostAsync("{ __typename }");
        after.SuccessfulData();
    }

    private static string Nest(int levels)
    {
        var builder = new StringBuilder("{ articles { nodes { ");
        for (var i = 0; i < levels; i++)
        {
            builder.Append("author { articles { nodes { ");
        }

        builder.Append("id");
        builder.Append(new string('}', (levels * 3) + 3));
        return builder.ToString();
    }

    private static byte[] Json(string query) => Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query }.ToJsonString());
}
