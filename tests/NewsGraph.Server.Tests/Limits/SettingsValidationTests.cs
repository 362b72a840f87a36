using Microsoft.Extensions.Options;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>
/// Every settings class is bound and checked when the host starts: a value that cannot work stops the server with a
/// message naming the setting, instead of failing requests (or spinning a dispatcher) later.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Paging:MaxPageSize", "0", "'MaxPageSize' with the error: 'The field MaxPageSize must be between 1 and 2147483647.'")]
    [InlineData("Paging:DefaultPageSize", "60", "Paging:DefaultPageSize must not be larger than Paging:MaxPageSize.")]
    [InlineData("GraphQL:Limits:MaxDocumentLength", "0", "MaxDocumentLength")]
    [InlineData("GraphQL:Limits:MaxExecutionDepth", "-1", "MaxExecutionDepth")]
    [InlineData("GraphQL:Limits:ExecutionTimeout", "00:00:00", "GraphQL:Limits:ExecutionTimeout must be positive")]
    [InlineData("GraphQL:DocumentCache:MaxEntries", "-1", "MaxEntries")]
    [InlineData("Subscriptions:SubscriberBufferCapacity", "0", "SubscriberBufferCapacity")]
    [InlineData("Outbox:BatchSize", "0", "Outbox:BatchSize must be at least 1.")]
    [InlineData("Outbox:PollInterval", "00:00:00", "Outbox:PollInterval must be positive.")]
    [InlineData("PersistedOperations:AutomaticPersistedQueryCacheSize", "0", "'AutomaticPersistedQueryCacheSize' with the error: 'The field AutomaticPersistedQueryCacheSize must be between 1 and 2147483647.'")]
    [InlineData("Cors:AllowedOrigins:0", "www.example.com", "CORS: each of AllowedOrigins must be '*' or an origin")]
    [InlineData("Cors:AllowCredentials", "true", "CORS: AllowCredentials needs explicit AllowedOrigins, not '*' or the development default.")]
    [InlineData("Scheduling:PollInterval", "00:00:00", "Scheduling:PollInterval must be between 10 ms and 1 day.")]
    [InlineData("Scheduling:MaxLeadTime", "-1.00:00:00", "Scheduling:MaxLeadTime must be between 1 second and 3650 days.")]
    [InlineData("Scheduling:BatchSize", "0", "Scheduling:BatchSize must be between 1 and 1000.")]
    [InlineData("MemoryPool:TrimInterval", "00:00:00", "MemoryPool:TrimInterval must be positive.")]
    [InlineData("MemoryPool:RetentionPeriod", "00:00:00.500", "MemoryPool:RetentionPeriod must not be shorter than MemoryPool:TrimInterval.")]
    [InlineData("MemoryPool:MinimumRetainedBlocks", "-1", "MemoryPool:MinimumRetainedBlocks must not be negative.")]
    [InlineData("Ide:GaTrackingId", "G-1'); alert(1); ('", "Ide:GaTrackingId must be a tracking id such as G-XXXXXXX")]
    public async Task A_bad_setting_stops_the_server_at_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => NewsGraphServer.StartAsync([new(key, value)]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The Redis section is bound (and checked) where it is used: when <c>Redis:Configuration</c> is set.</summary>
    [Theory]
    [InlineData("Redis:KeyPrefix", "", "'KeyPrefix' with the error: 'The KeyPrefix field is required.'")]
    [InlineData("Redis:StreamMaxLength", "0", "StreamMaxLength")]
    [InlineData("Redis:ReadBatchSize", "0", "ReadBatchSize")]
    [InlineData("Redis:DeduplicationWindow", "-1", "DeduplicationWindow")]
    [InlineData("Redis:PollInterval", "00:00:00", "Redis:PollInterval must be positive.")]
    [InlineData("Redis:SendTimeout", "-00:00:01", "Redis:SendTimeout must be positive.")]
    public async Task A_bad_redis_setting_stops_the_server_at_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        // Validation runs before anything connects: no Redis needs to listen here.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => NewsGraphServer.StartAsync([new("Redis:Configuration", "localhost:1,abortConnect=false"), new(key, value)]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Authentication's own checks run at start-up too (README "Authentication"), with their own messages.</summary>
    [Fact]
    public async Task An_api_key_with_a_bad_hash_stops_the_server_at_start_up_with_a_message_naming_it()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => NewsGraphServer.StartAsync([new("Authentication:ApiKeys:0:Name", "cms"), new("Authentication:ApiKeys:0:Hash", "not-a-hash")]));

        Assert.Contains("The API key 'cms' must have a Hash of 64 hex digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_memory_pool_timings_are_ignored_while_the_trimming_pool_is_off()
    {
        await using var server = await NewsGraphServer.StartAsync([new("MemoryPool:Enabled", "false"), new("MemoryPool:TrimInterval", "00:00:00")]);

        Assert.NotNull((await server.PostAsync("{ tags { nodes { slug } } }")).SuccessfulData());
    }

    [Fact]
    public async Task Good_settings_reach_the_services_that_use_them()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Paging:DefaultPageSize", "3"), new("Paging:MaxPageSize", "4")]);

        var page = await server.PostAsync("{ tags { nodes { slug } } }");
        var tooMany = await server.PostAsync("{ tags(first: 5) { nodes { slug } } }");

        Assert.Equal(3, page.SuccessfulData()["tags"]!["nodes"]!.AsArray().Count);
        Assert.Equal("HC0051", (string?)tooMany.Errors![0]!["extensions"]!["code"]);
    }
}
