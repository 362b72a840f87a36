using System.Runtime.InteropServices;
using System.Security.Claims;
using GraphQL;
using GraphQL.Validation;
using NewsGraph.GraphQL.Http;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>
/// The document cache with the real request executor: a repeated document skips the full validation, while
/// authorization, transport rules, argument validators and variable coercion still run, with the same answers as
/// without the cache.
/// </summary>
public sealed class ValidatedDocumentCacheExecutionTests
{
    private static Inputs Variables(string name, object? value) => new(new Dictionary<string, object?> { [name] = value });

    /// <summary>The same request on a host whose cache is off: what the answer must be.</summary>
    private static async Task<string> UncachedAsync(string query, Inputs? variables = null, ClaimsPrincipal? user = null, IReadOnlyList<IValidationRule>? transportRules = null)
    {
        using var host = new DocumentCacheTestHost(maxEntries: 0);
        return host.Serialize(await host.ExecuteAsync(query, variables, user, transportRules));
    }

    /// <summary>Runs a cached document: it must skip the full validation and answer as a host without the cache does.</summary>
    private static async Task<ExecutionResult> HitAsync(DocumentCacheTestHost host, string query, Inputs? variables = null, ClaimsPrincipal? user = null, IReadOnlyList<IValidationRule>? transportRules = null)
    {
        var fullValidations = host.FullValidations;
        var result = await host.ExecuteAsync(query, variables, user, transportRules);
        Assert.Equal(fullValidations, host.FullValidations);
        Assert.Equal(await UncachedAsync(query, variables, user, transportRules), host.Serialize(result));
        return result;
    }

    [Fact]
    public async Task The_second_identical_request_is_not_validated_with_the_full_rule_set()
    {
        using var host = new DocumentCacheTestHost();

        var first = await host.ExecuteAsync("{ hello }");
        var second = await host.ExecuteAsync("{ hello }");

        Assert.Equal("""{"data":{"hello":"world"}}""", host.Serialize(first));
        Assert.Equal(host.Serialize(first), host.Serialize(second));
        Assert.Equal(1, host.FullValidations);
        Assert.Equal(1, host.Cache.Count);

        // Another text is another document.
        await host.ExecuteAsync("{ hello  }");
        Assert.Equal(2, host.FullValidations);
    }

    [Fact]
    public async Task Authorization_still_runs_on_a_cached_document()
    {
        using var host = new DocumentCacheTestHost();
        const string Query = "{ secret }";

        Assert.Equal("""{"data":{"secret":"for editors"}}""", host.Serialize(await host.ExecuteAsync(Query, user: DocumentCacheTestHost.Editor)));
        Assert.True(host.Cache.TryGet(host.Schema, Query, out _));

        var anonymous = await HitAsync(host, Query);

        Assert.False(anonymous.Executed);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Assert.Single(anonymous.Errors!).Code);
    }

    [Fact]
    public async Task Transport_rules_still_run_on_a_cached_document()
    {
        using var host = new DocumentCacheTestHost();
        const string Mutation = "mutation { touch }";
        Assert.True((await host.ExecuteAsync(Mutation, transportRules: [HttpOperationTypeValidationRule.Post])).Executed);

        var overGet = await HitAsync(host, Mutation, transportRules: [HttpOperationTypeValidationRule.Get]);

        Assert.IsType<HttpOperationNotAllowedError>(Assert.Single(overGet.Errors!));
    }

    [Fact]
    public async Task Variables_are_still_coerced_on_a_hit()
    {
        using var host = new DocumentCacheTestHost();
        const string Query = "query ($n: Int!) { echo(n: $n) }";
        Assert.Equal("""{"data":{"echo":1}}""", host.Serialize(await host.ExecuteAsync(Query, Variables("n", 1))));

        var wrongType = await HitAsync(host, Query, Variables("n", "one"));
        var missing = await HitAsync(host, Query);

        Assert.Equal("INVALID_VALUE", Assert.Single(wrongType.Errors!).Code);
        Assert.False(missing.Executed);
    }

    [Fact]
    public async Task Argument_validators_still_see_the_variables_of_a_hit()
    {
        using var host = new DocumentCacheTestHost();
        const string Query = "query ($n: Int) { positive(n: $n) }";
        Assert.Equal("""{"data":{"positive":1}}""", host.Serialize(await host.ExecuteAsync(Query, Variables("n", 1))));

        var negative = await HitAsync(host, Query, Variables("n", -1));

        Assert.Equal("n must not be negative.", Assert.Single(negative.Errors!).Message);
    }

    [Theory]
    [InlineData("{ nope }")]
    [InlineData("{ hello")]
    [InlineData("query ($unused: Int) { hello }")]
    public async Task Invalid_documents_and_parse_errors_are_never_cached(string query)
    {
        using var host = new DocumentCacheTestHost();

        var first = host.Serialize(await host.ExecuteAsync(query));
        var second = host.Serialize(await host.ExecuteAsync(query));

        Assert.Contains("\"errors\"", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(await UncachedAsync(query), second);
        Assert.Equal(0, host.Cache.Count);
    }

    [Fact]
    public async Task A_document_refused_for_one_request_is_cached_once_a_request_runs_it()
    {
        using var host = new DocumentCacheTestHost();
        const string Query = "{ secret }";

        Assert.False((await host.ExecuteAsync(Query)).Executed);
        Assert.Equal(0, host.Cache.Count);

        Assert.True((await host.ExecuteAsync(Query, user: DocumentCacheTestHost.Editor)).Executed);
        Assert.Equal(1, host.Cache.Count);
        Assert.Equal(2, host.FullValidations);
    }

    [Fact]
    public async Task Subscribers_of_the_same_text_share_one_string_and_one_document()
    {
        using var host = new DocumentCacheTestHost();
        const string Subscription = "subscription { ticks }";

        var first = await host.ExecuteAsync(Subscription);
        var second = await host.ExecuteAsync(Subscription);

        Assert.NotNull(first.Streams);
        Assert.NotNull(second.Streams);
        var documents = host.Executed.Documents.ToArray();
        Assert.Equal(2, documents.Length);
        Assert.Same(documents[0], documents[1]);
        // Each request brought its own copy of the text; both keep the first one.
        Assert.True(MemoryMarshal.TryGetString(documents[1].Source, out var text, out _, out _));
        Assert.True(host.Cache.TryGet(host.Schema, Subscription, out var cached));
        Assert.Same(cached.Text, text);
        Assert.Same(cached.Document, documents[0]);
        Assert.Equal(1, host.FullValidations);
    }
}
