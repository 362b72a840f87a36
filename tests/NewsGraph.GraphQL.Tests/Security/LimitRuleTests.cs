using GraphQL;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Tests.Security;

/// <summary>The limit rules on the engine itself, independent of HTTP and of the news schema.</summary>
public sealed class LimitRuleTests
{
    [Fact]
    public async Task Timeout_returns_HC0045_and_cancels_the_running_resolver()
    {
        using var host = new LimitsTestHost(new GraphQLLimitsOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(200) });
        var result = await host.ExecuteAsync("{ slow }");

        var error = Assert.Single(result.Errors!);
        Assert.Equal(SecurityErrorCodes.Timeout, error.Code);
        Assert.Equal("The request exceeded the configured timeout of `00:00:00.2000000`.", error.Message);
        // The engine stopped the work: the resolver saw its token cancelled.
        await host.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cost_follows_hot_chocolates_weights_and_list_sizes()
    {
        // itemConnection: resolver 10 + nodes 1 (+ name 0 x 5) = field cost 11;
        // types: Query 1 + ItemConnection 1 + Item x 5 = 7.
        using var fieldLimited = new LimitsTestHost(new GraphQLLimitsOptions { MaxFieldCost = 10 });
        var field = Assert.Single((await fieldLimited.ExecuteAsync("{ itemConnection(first: 5) { nodes { name } } }")).Errors!);
        Assert.Equal(SecurityErrorCodes.CostExceeded, field.Code);
        Assert.Contains("field cost of 11 ", field.Message, StringComparison.Ordinal);

        using var typeLimited = new LimitsTestHost(new GraphQLLimitsOptions { MaxTypeCost = 6 });
        var type = Assert.Single((await typeLimited.ExecuteAsync("{ itemConnection(first: 5) { nodes { name } } }")).Errors!);
        Assert.Contains("type cost of 7 ", type.Message, StringComparison.Ordinal);

        // Without first the connection assumes the default page size (10); a variable counts with its value.
        var byDefault = Assert.Single((await typeLimited.ExecuteAsync("{ itemConnection { nodes { name } } }")).Errors!);
        Assert.Contains("type cost of 12 ", byDefault.Message, StringComparison.Ordinal);
        var byVariable = Assert.Single((await typeLimited.ExecuteAsync("query ($n: Int) { itemConnection(first: $n) { nodes { name } } }", new Inputs(new Dictionary<string, object?> { ["n"] = 20 }))).Errors!);
        Assert.Contains("type cost of 22 ", byVariable.Message, StringComparison.Ordinal);
        var small = await typeLimited.ExecuteAsync("query ($n: Int) { itemConnection(first: $n) { nodes { name } } }", new Inputs(new Dictionary<string, object?> { ["n"] = 1 }));
        Assert.True(small.Executed);
    }

    [Fact]
    public async Task Fragment_cycles_are_reported_by_the_core_rule_without_looping_the_limit_rules()
    {
        using var host = new LimitsTestHost(new GraphQLLimitsOptions());
        var result = await host.ExecuteAsync("{ item { ...A } } fragment A on Item { children { ...B } } fragment B on Item { ...A }");
        Assert.False(result.Executed);
        Assert.Contains(result.Errors!, e => e.Message.Contains("cannot spread", StringComparison.OrdinalIgnoreCase) || e.Code == "NO_FRAGMENT_CYCLES");
    }

    [Fact]
    public async Task Depth_counts_through_fragments()
    {
        using var host = new LimitsTestHost(new GraphQLLimitsOptions { MaxExecutionDepth = 3 });
        Assert.Null((await host.ExecuteAsync("{ item { children { name } } }")).Errors);
        var error = Assert.Single((await host.ExecuteAsync("{ item { ...F } } fragment F on Item { children { children { name } } }")).Errors!);
        Assert.Equal(SecurityErrorCodes.MaxExecutionDepthExceeded, error.Code);
        Assert.Equal("The GraphQL document has an execution depth of 4 which exceeds the max allowed execution depth of 3.", error.Message);
    }

    [Fact]
    public async Task Introspection_can_be_switched_off_but_typename_stays()
    {
        using var host = new LimitsTestHost(new GraphQLLimitsOptions(), allowIntrospection: false);
        var error = Assert.Single((await host.ExecuteAsync("{ __schema { queryType { name } } }")).Errors!);
        Assert.Equal(SecurityErrorCodes.IntrospectionNotAllowed, error.Code);
        Assert.Null((await host.ExecuteAsync("{ __typename item { __typename } }")).Errors);
    }

    [Fact]
    public async Task Parser_depth_overflow_is_a_request_error_not_an_unhandled_one()
    {
        using var host = new LimitsTestHost(new GraphQLLimitsOptions { MaxParserDepth = 20 });
        var query = string.Concat(Enumerable.Repeat("{ item ", 30)) + "{ name" + new string('}', 31);
        var error = Assert.Single((await host.ExecuteAsync(query)).Errors!);
        Assert.Equal(SecurityErrorCodes.MaxParserDepthExceeded, error.Code);
        Assert.IsAssignableFrom<global::GraphQL.Execution.RequestError>(error);
    }
}
