using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>Each configurable limit holds, with its default or a configured value, through HTTP on a real server.</summary>
public sealed class LimitsTests
{
    private const string Cheap = "{ articles(first: 2) { nodes { title } } }";

    [Fact]
    public async Task Execution_depth_above_the_default_of_15_is_refused_with_hot_chocolates_message()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var atLimit = await server.PostAsync(Deep(levels: 4)); // depth 2 + 4 * 3 + 1 = 15
        atLimit.SuccessfulData();

        var tooDeep = await server.PostAsync(Deep(levels: 5)); // depth 18
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
        Assert.Equal("MAX_EXECUTION_DEPTH_EXCEEDED", tooDeep.SingleErrorCode());
        Assert.Equal(
            "The GraphQL document has an execution depth of 18 which exceeds the max allowed execution depth of 15.",
            tooDeep.Errors![0]!["message"]!.GetValue<string>());
        Assert.Null(tooDeep.Data);
    }

    [Fact]
    public async Task Execution_depth_is_configurable()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxExecutionDepth", "3")]);
        (await server.PostAsync("{ articles(first: 1) { nodes { title } } }")).SuccessfulData();
        var refused = await server.PostAsync("{ articles(first: 1) { nodes { author { name } } } }");
        Assert.Equal("MAX_EXECUTION_DEPTH_EXCEEDED", refused.SingleErrorCode());
    }

    [Fact]
    public async Task Aliases_above_the_limit_are_refused()
    {
        await using var server = await NewsGraphServer.StartAsync();
        (await server.PostAsync(Aliases(30))).SuccessfulData();
        var refused = await server.PostAsync(Aliases(31));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("MAX_ALIASES_EXCEEDED", refused.SingleErrorCode());

        await using var strict = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxAliases", "2")]);
        Assert.Equal("MAX_ALIASES_EXCEEDED", (await strict.PostAsync(Aliases(3))).SingleErrorCode());
    }

    [Fact]
    public async Task Field_cost_above_the_default_of_5000_is_refused_with_HC0047_before_anything_runs()
    {
        await using var server = await NewsGraphServer.StartAsync();
        (await server.PostAsync(Cheap)).SuccessfulData();

        // 10 + 1 + 50 * (10 + 10 + 1 + 50 * 10) = 26,061; a full page of teasers (1,511) passes.
        (await server.PostAsync("{ articles(first: 50) { nodes { title author { name } category { name } tags { name } } } }")).SuccessfulData();
        server.SqlCommands.Reset();
        var refused = await server.PostAsync("{ articles(first: 50) { nodes { author { articles(first: 50) { nodes { author { name } } } } } } }");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("HC0047", refused.SingleErrorCode());
        Assert.StartsWith("The maximum allowed field cost was exceeded.", refused.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(server.SqlCommands.Commands);

        // The same shape with the page size in a variable is costed with the variable's value.
        const string ByVariable = "query ($n: Int) { articles(first: $n) { nodes { author { articles(first: $n) { nodes { author { name } } } } } } }";
        (await server.PostAsync(ByVariable, new { n = 2 })).SuccessfulData();
        Assert.Equal("HC0047", (await server.PostAsync(ByVariable, new { n = 50 })).SingleErrorCode());
    }

    [Fact]
    public async Task Cost_limits_are_configurable()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxFieldCost", "5")]);
        Assert.Equal("HC0047", (await server.PostAsync(Cheap)).SingleErrorCode());

        await using var typeCost = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxTypeCost", "2")]);
        var refused = await typeCost.PostAsync(Cheap);
        Assert.Equal("HC0047", refused.SingleErrorCode());
        Assert.StartsWith("The maximum allowed type cost was exceeded.", refused.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_length_is_checked_before_parsing()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxDocumentLength", "60")]);
        (await server.PostAsync("{ __typename }")).SuccessfulData();
        var refused = await server.PostAsync("{ __typename " + new string(' ', 60) + "}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("MAX_DOCUMENT_LENGTH_EXCEEDED", refused.SingleErrorCode());

        // Not even a broken document gets parsed when it is too long.
        var broken = await server.PostAsync("{ " + new string('{', 100));
        Assert.Equal("MAX_DOCUMENT_LENGTH_EXCEEDED", broken.SingleErrorCode());
    }

    [Fact]
    public async Task Request_body_above_the_kestrel_limit_gets_413()
    {
        await using var server = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxRequestBodySize", "1024")]);
        (await server.PostAsync("{ __typename }")).SuccessfulData();
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["query"] = "{ __typename " + new string(' ', 2048) + "}" }.ToJsonString());
        var (status, json, text, _) = await RawGraphQLClient.PostAsync(server.Http, body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.False(string.IsNullOrEmpty(RawGraphQLClient.FirstErrorMessage(json)), text);
    }

    [Fact]
    public async Task Nodes_batch_size_is_configurable()
    {
        const string ThreeNodes = """{ nodes(ids: ["QXJ0aWNsZTox", "QXJ0aWNsZToy", "QXV0aG9yOjE="]) { id } }""";
        await using var server = await NewsGraphServer.StartAsync();
        (await server.PostAsync(ThreeNodes)).SuccessfulData();

        await using var strict = await NewsGraphServer.StartAsync([new("GraphQL:Limits:MaxNodesBatchSize", "2")]);
        var refused = await strict.PostAsync(ThreeNodes);
        // Hot Chocolate's code for it, which clients may switch on.
        Assert.Equal("HC0076", refused.SingleErrorCode());
    }

    [Fact]
    public async Task Execution_timeout_returns_HC0045_and_the_server_goes_on()
    {
        // A resolver that would take a minute makes the outcome independent of the machine's speed.
        await using var server = await NewsGraphServer.StartAsync(
            [new("GraphQL:Limits:ExecutionTimeout", "00:00:00.200")],
            services => services.AddSingleton<INodeResolver>(new SlowNodeResolver()));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var timedOut = await server.PostAsync("""{ node(id: "U2xvdzox") { id } }"""); // "Slow:1"
        Assert.Equal("HC0045", timedOut.SingleErrorCode());
        Assert.Equal("The request exceeded the configured timeout of `00:00:00.2000000`.", timedOut.Errors![0]!["message"]!.GetValue<string>());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), "the engine stopped waiting for the resolver");

        (await server.PostAsync(Cheap)).SuccessfulData();
    }

    [Fact]
    public async Task Introspection_is_off_outside_development_but_typename_works()
    {
        const string Introspection = "{ __schema { queryType { name } } }";
        await using var development = await NewsGraphServer.StartAsync();
        (await development.PostAsync(Introspection)).SuccessfulData();

        await using var production = await NewsGraphServer.StartAsync([new("environment", "Production")]);
        var refused = await production.PostAsync(Introspection);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("HC0046", refused.SingleErrorCode());
        Assert.Equal("Introspection is not allowed for the current request.", refused.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("HC0046", (await production.PostAsync("""{ __type(name: "Article") { name } }""")).SingleErrorCode());
        Assert.Equal("Query", (await production.PostAsync("{ __typename }")).SuccessfulData()["__typename"]!.GetValue<string>());

        await using var switchedOn = await NewsGraphServer.StartAsync([new("environment", "Production"), new("GraphQL:AllowIntrospection", "true")]);
        (await switchedOn.PostAsync(Introspection)).SuccessfulData();

        await using var switchedOff = await NewsGraphServer.StartAsync([new("GraphQL:AllowIntrospection", "false")]);
        Assert.Equal("HC0046", (await switchedOff.PostAsync(Introspection)).SingleErrorCode());
    }

    [Fact]
    public async Task Exception_details_are_shown_only_in_development()
    {
        const string Query = """{ node(id: "Qm9vbTox") { id } }"""; // "Boom:1"
        static void AddFailingResolver(IServiceCollection services) => services.AddSingleton<INodeResolver>(new FailingNodeResolver());

        await using var development = await NewsGraphServer.StartAsync(configureServices: AddFailingResolver);
        var detailed = await development.PostAsync(Query);
        Assert.Contains(FailingNodeResolver.Secret, detailed.Text, StringComparison.Ordinal);

        await using var production = await NewsGraphServer.StartAsync([new("environment", "Production")], AddFailingResolver);
        var masked = await production.PostAsync(Query);
        Assert.NotNull(masked.Errors);
        Assert.DoesNotContain(FailingNodeResolver.Secret, masked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("at NewsGraph", masked.Text, StringComparison.Ordinal);
    }

    private static string Deep(int levels)
        => "{ articles(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("author { articles(first: 1) { nodes { ", levels)) + "id" + new string('}', (levels * 3) + 3);

    private static string Aliases(int count)
        => "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}: __typename ")) + "}";

    private sealed class SlowNodeResolver : INodeResolver
    {
        public string TypeName => "Slow";

        public async Task<IReadOnlyDictionary<int, object>> ResolveAsync(IReadOnlyList<int> ids, IServiceProvider services, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            return new Dictionary<int, object>();
        }
    }

    private sealed class FailingNodeResolver : INodeResolver
    {
        public const string Secret = "connection string with password=hunter2";

        public string TypeName => "Boom";

        public Task<IReadOnlyDictionary<int, object>> ResolveAsync(IReadOnlyList<int> ids, IServiceProvider services, CancellationToken cancellationToken)
            => throw new InvalidOperationException(Secret);
    }
}
