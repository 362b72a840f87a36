using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>A generic schema for the streaming transports: a query, a mutation and subscriptions fed by <see cref="TestEventSource{T}"/>.</summary>
public sealed class StreamingTestSchema : Schema
{
    public StreamingTestSchema(IServiceProvider services)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<NonNullGraphType<StringGraphType>>("hello").Resolve(_ => "world");
        query.Field<StringGraphType>("initValue")
            .Description("A value of the connection_init payload, seen through the user context.")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Resolve(ctx => ctx.UserContext.TryGetValue(WebSocketUserContextKeys.ConnectionInitPayload, out var payload)
                && payload is IReadOnlyDictionary<string, object?> values && values.TryGetValue(ctx.GetArgument<string>("key"), out var value)
                    ? value?.ToString()
                    : null);
        query.Field<StringGraphType>("userName").Resolve(ctx => ctx.User?.Identity?.Name);
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<IntGraphType>>("increment")
            .Resolve(ctx => Interlocked.Increment(ref ctx.RequestServices!.GetRequiredService<MutationCounter>().Value));
        Mutation = mutation;

        var subscription = new ObjectGraphType { Name = "Subscription" };
        subscription.Field<NonNullGraphType<StringGraphType>>("events")
            .ResolveStream(ctx => ctx.RequestServices!.GetRequiredService<TestEventSource<string>>());
        subscription.Field<NonNullGraphType<StringGraphType>>("refused")
            .ResolveStream(_ => throw new ExecutionError("Not allowed to subscribe."));
        Subscription = subscription;
    }
}

/// <summary>Counts mutations.</summary>
public sealed class MutationCounter
{
#pragma warning disable CA1051 // A field, so the mutation can increment it atomically.
    public int Value;
#pragma warning restore CA1051
}
