using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.PersistedOperations;

/// <summary>
/// Trusted documents from schema/operations called by id (md5 of the file, as <c>md5sum</c> prints it) over POST
/// and GET, Apollo's automatic persisted queries, and the lock-down switch, against a real server.
/// </summary>
public sealed class PersistedOperationTests
{
    private static readonly string NodeLookupId = Md5Hex(File.ReadAllBytes(RepositoryFiles.PathOf("schema", "operations", "NodeLookup.graphql")));

    [Theory]
    [InlineData("id")]
    [InlineData("documentId")]
    [InlineData("doc_id")]
    public async Task A_trusted_document_runs_by_its_md5_over_POST(string member)
    {
        await using var server = await NewsGraphServer.StartAsync();
        var response = await PostAsync(server, new JsonObject { [member] = NodeLookupId, ["variables"] = new JsonObject { ["id"] = "QXV0aG9yOjE=" } });
        var data = response.SuccessfulData();
        Assert.Equal("Author", data["node"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trusted_document_runs_by_its_md5_over_GET()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var variables = Uri.EscapeDataString("""{"id":"QXJ0aWNsZTox"}""");
        using var response = await server.Http.GetAsync($"/graphql?id={NodeLookupId}&variables={variables}");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Equal("Article", body["data"]!["node"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_file_in_schema_operations_is_callable_by_id()
    {
        await using var server = await NewsGraphServer.StartAsync();
        foreach (var path in Directory.EnumerateFiles(RepositoryFiles.PathOf("schema", "operations"), "*.graphql"))
        {
            var response = await PostAsync(server, new JsonObject { ["id"] = Md5Hex(File.ReadAllBytes(path)) });
            Assert.True(response.Errors is null || response.Errors.All(e => e!["extensions"]?["code"]?.GetValue<string>() is not "HC0020"), $"{path}: {response.Text}");
        }
    }

    [Fact]
    public async Task An_unknown_id_gets_hot_chocolates_HC0020()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var response = await PostAsync(server, new JsonObject { ["id"] = "0123456789abcdef0123456789abcdef" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("HC0020", response.SingleErrorCode());
        Assert.Equal("The specified persisted operation key is invalid.", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Automatic_persisted_queries_follow_apollos_protocol()
    {
        await using var server = await NewsGraphServer.StartAsync();
        const string Query = "{ articles(first: 1) { nodes { title } } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));
        JsonObject Extension() => new() { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } };

        // 1. Hash only: not known yet, so the client must retry with the query.
        var notFound = await PostAsync(server, new JsonObject { ["extensions"] = Extension() });
        Assert.Equal(HttpStatusCode.BadRequest, notFound.StatusCode);
        Assert.Equal("PersistedQueryNotFound", notFound.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("HC0020", notFound.SingleErrorCode());

        // 2. Hash and query: verified, stored, executed.
        (await PostAsync(server, new JsonObject { ["query"] = Query, ["extensions"] = Extension() })).SuccessfulData();

        // 3. Hash only again, now over GET as Apollo sends it: served from the cache.
        var extensions = Uri.EscapeDataString(Extension().ToJsonString());
        using var get = await server.Http.GetAsync($"/graphql?extensions={extensions}");
        var body = JsonNode.Parse(await get.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(body["data"]!["articles"]);

        // A hash that does not match its query is refused and not stored.
        var wrong = await PostAsync(server, new JsonObject { ["query"] = "{ __typename }", ["extensions"] = Extension() });
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", wrong.SingleErrorCode());
    }

    [Fact]
    public async Task Only_persisted_operations_refuses_documents_and_changes_nothing()
    {
        await using var server = await NewsGraphServer.StartAsync([new("PersistedOperations:OnlyAllowPersisted", "true")]);
        server.SqlCommands.Reset();
        var refused = await server.PostAsync("{ articles(first: 1) { nodes { title } } }");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("HC0067", refused.SingleErrorCode());
        Assert.Equal("Only persisted operations are allowed.", refused.Errors![0]!["message"]!.GetValue<string>());
        Assert.Empty(server.SqlCommands.Commands);

        // APQ cannot register new documents either.
        const string Query = "{ __typename }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));
        var apq = await PostAsync(server, new JsonObject { ["query"] = Query, ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } } });
        Assert.Equal("HC0067", apq.SingleErrorCode());

        // Trusted documents still run.
        (await PostAsync(server, new JsonObject { ["id"] = NodeLookupId })).SuccessfulData();
    }

    [Fact]
    public async Task The_operations_folder_is_configurable()
    {
        var folder = Directory.CreateTempSubdirectory("newsgraph-operations-");
        try
        {
            var document = "query Mine { __typename }\n"u8.ToArray();
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "Mine.graphql"), document);
            await using var server = await NewsGraphServer.StartAsync([new("PersistedOperations:Directory", folder.FullName)]);
            var data = (await PostAsync(server, new JsonObject { ["id"] = Md5Hex(document) })).SuccessfulData();
            Assert.Equal("Query", data["__typename"]!.GetValue<string>());
            Assert.Equal("HC0020", (await PostAsync(server, new JsonObject { ["id"] = NodeLookupId })).SingleErrorCode());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Task<GraphQLResponse> PostAsync(NewsGraphServer server, JsonObject body) => server.Http.PostJsonAsync(body);

#pragma warning disable CA5351 // MD5 is the id format of trusted documents, not a security measure.
    private static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
}
