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

    [Fact]
    public async Task Fragments_spread_many_times_are_costed_once_and_exactly()
    {
        // 40 fragments, each spreading the previous one twice: 2^40 copies of `children { name }` (resolver 10, Item 1).
        var document = "{ item { ...F40 } } fragment F0 on Item { children { name } } "
            + string.Concat(Enumerable.Range(1, 40).Select(i => $"fragment F{i} on Item {{ ...F{i - 1} ...F{i - 1} }} "));
        using var host = new LimitsTestHost(new GraphQLLimitsOptions { MaxFieldSelections = null, MaxFieldCost = null, MaxTypeCost = 1_000_000 });

        var error = Assert.Single((await host.ExecuteAsync(document)).Errors!);

        Assert.Equal(SecurityErrorCodes.CostExceeded, error.Code);
        // Query 1 + item 1 + 2^40 Items: computed, not the "too costly to analyse" fallback (infinity).
        Assert.Contains("type cost of 1099511627778 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_selections_count_every_fragment_spread()
    {
        var document = "{ item { ...F10 } } fragment F0 on Item { name } "
            + string.Concat(Enumerable.Range(1, 10).Select(i => $"fragment F{i} on Item {{ ...F{i - 1} ...F{i - 1} }} "));
        using var strict = new LimitsTestHost(new GraphQLLimitsOptions { MaxFieldSelections = 1_024 });
        using var loose = new LimitsTestHost(new GraphQLLimitsOptions { MaxFieldSelections = 1_025 });

        var error = Assert.Single((await strict.ExecuteAsync(document)).Errors!);
        Assert.Equal(SecurityErrorCodes.MaxFieldSelectionsExceeded, error.Code);
        Assert.Equal(
            "The GraphQL document selects 1025 fields once its fragments are spread, which exceeds the max allowed number of field selections of 1024.",
            error.Message);
        Assert.Null((await loose.ExecuteAsync(document)).Errors);
    }
}
