using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Execution;
using NewsGraph.Server.Tests.Auth;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Execution;

/// <summary>
/// The document cache on the real server: once a document ran, the same text skips the spec rules, yet the answer to
/// every request is the one the server gives without the cache (authorization, limits, input limits, variables, GET).
/// </summary>
public sealed class ValidatedDocumentCacheTests(DocumentCacheServersFixture fixture) : IClassFixture<DocumentCacheServersFixture>
{
    private const string DeleteTag = "mutation CacheDeleteTag($input: DeleteTagInput!) { deleteTag(input: $input) { __typename } }";

    private static readonly object MissingTag = new { input = new { id = Catalogue.GlobalId("Tag", 987_654) } };

    private static Task<GraphQLResponse> PostAsync(NewsGraphServer server, Viewer viewer, string query, object? variables = null)
        => AuthenticatedServerFixture.PostAsync(server, request => viewer.Authorize(request.Headers), query, variables);

    /// <summary>Sends the request to the uncached server and checks the cached one answers it the same, status and body.</summary>
    private async Task<GraphQLResponse> SameAsUncachedAsync(Viewer viewer, string query, object? variables = null)
    {
        var cached = await PostAsync(fixture.Cached, viewer, query, variables);
        var uncached = await PostAsync(fixture.Uncached, viewer, query, variables);
        Assert.Equal(uncached.StatusCode, cached.StatusCode);
        Assert.Equal(uncached.Text, cached.Text);
        return cached;
    }

    private async Task CacheAsync(Viewer viewer, string query, object? variables = null)
    {
        var response = await PostAsync(fixture.Cached, viewer, query, variables);
        Assert.NotNull(response.Data);
        Assert.True(DocumentCacheServersFixture.IsCached(fixture.Cached, query), $"Not cached: {response.Text}");
    }

    [Fact]
    public async Task A_document_that_ran_is_served_from_the_cache_and_the_uncached_server_keeps_none()
    {
        const string Query = "query CacheFrontPage { articles(first: 3) { nodes { title author { name } } } }";
        var first = await SameAsUncachedAsync(Viewer.Anonymous, Query);
        first.SuccessfulData();

        Assert.True(DocumentCacheServersFixture.IsCached(fixture.Cached, Query));
        (await SameAsUncachedAsync(Viewer.Anonymous, Query)).SuccessfulData();
        Assert.Equal(0, fixture.Uncached.Services.GetRequiredService<ValidatedDocumentCache>().Count);
    }

    [Theory]
    [InlineData("anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("norole", "AUTH_NOT_AUTHORIZED")]
    public async Task A_mutation_an_editor_ran_is_still_refused_to_a_reader(string viewer, string code)
    {
        await CacheAsync(Viewer.EditorApiKey, DeleteTag, MissingTag);

        var refused = await SameAsUncachedAsync(Viewer.ByName(viewer), DeleteTag, MissingTag);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Data);
        Assert.Equal(code, refused.SingleErrorCode());
    }

    [Fact]
    public async Task Cost_and_page_limits_are_checked_with_each_requests_variables()
    {
        const string Query = "query CacheCost($n: Int) { articles(first: $n) { nodes { author { articles(first: $n) { nodes { author { name } } } } } } }";
        await CacheAsync(Viewer.Anonymous, Query, new { n = 2 });

        Assert.Equal("HC0047", (await SameAsUncachedAsync(Viewer.Anonymous, Query, new { n = 50 })).SingleErrorCode());

        const string Page = "query CachePage($n: Int) { articles(first: $n) { nodes { id } } }";
        await CacheAsync(Viewer.Anonymous, Page, new { n = 2 });
        Assert.Equal("HC0051", (await SameAsUncachedAsync(Viewer.Anonymous, Page, new { n = 51 })).SingleErrorCode());
    }

    [Fact]
    public async Task Input_limits_are_checked_with_each_requests_variables()
    {
        const string Query = "query CacheOrder($o: [ArticleSortInput!]) { articles(order: $o) { nodes { id } } }";
        await CacheAsync(Viewer.Anonymous, Query, new { o = new object[] { new { title = "ASC" } } });

        // 11 sort fields: one more than the default of 10.
        var refused = await SameAsUncachedAsync(Viewer.Anonymous, Query, new { o = Enumerable.Repeat<object>(new { title = "ASC" }, 11) });

        Assert.Equal("MAX_SORT_FIELDS_EXCEEDED", refused.SingleErrorCode());
    }

    [Fact]
    public async Task Variables_are_coerced_on_every_request()
    {
        const string Query = "query CacheVariables($n: Int) { articles(first: $n) { nodes { id } } }";
        await CacheAsync(Viewer.Anonymous, Query, new { n = 2 });

        var wrongType = await SameAsUncachedAsync(Viewer.Anonymous, Query, new { n = "two" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Null(wrongType.Data);
        Assert.NotNull(wrongType.SingleErrorCode());
    }

    [Theory]
    [InlineData("query CacheInvalid { articles(first: 1) { nodes { noSuchField } } }")]
    [InlineData("query CacheSyntax { articles(first: 1) { nodes { id } }")]
    public async Task Invalid_documents_and_syntax_errors_are_never_cached(string query)
    {
        var first = await SameAsUncachedAsync(Viewer.Anonymous, query);
        var second = await SameAsUncachedAsync(Viewer.Anonymous, query);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(first.Text, second.Text);
        Assert.False(DocumentCacheServersFixture.IsCached(fixture.Cached, query));
    }

    [Fact]
    public async Task A_mutation_cached_over_POST_is_still_refused_over_GET()
    {
        await CacheAsync(Viewer.EditorApiKey, DeleteTag, MissingTag);

        var cached = await GetAsync(fixture.Cached, DeleteTag, MissingTag);
        var uncached = await GetAsync(fixture.Uncached, DeleteTag, MissingTag);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, cached.Status);
        Assert.Equal(uncached, cached);
    }

    [Fact]
    public async Task A_persisted_operation_is_cached_as_its_text()
    {
        var path = RepositoryFiles.PathOf("schema", "operations", "NodeLookup.graphql");
#pragma warning disable CA5351 // Hot Chocolate's ids of trusted documents are md5 hashes; no security depends on it here.
        var id = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path)));
#pragma warning restore CA5351
        var variables = Uri.EscapeDataString("""{"id":"QXJ0aWNsZTox"}""");

        using var response = await fixture.Cached.Http.GetAsync($"/graphql?id={id}&variables={variables}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DocumentCacheServersFixture.IsCached(fixture.Cached, await File.ReadAllTextAsync(path)));
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(NewsGraphServer server, string query, object variables)
    {
        var uri = $"/graphql?query={Uri.EscapeDataString(query)}&variables={Uri.EscapeDataString(JsonSerializer.Serialize(variables))}";
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        Viewer.EditorApiKey.Authorize(request.Headers);
        using var response = await server.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
