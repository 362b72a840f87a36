using GraphQL;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Tests.Security;

/// <summary>Tells a test when the slow resolver saw its cancellation (proof that the engine stopped working).</summary>
public sealed class SlowResolverProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A small schema for the limit rules: a slow field, an object, a list and a connection-shaped type.</summary>
public sealed class LimitsTestSchema : Schema
{
    public LimitsTestSchema(IServiceProvider services)
        : base(services)
    {
        var item = new ObjectGraphType { Name = "Item" };
        item.Field<StringGraphType>("name").Resolve(_ => "x");
        item.Field<ListGraphType<ObjectGraphType>>("children").Argument<IntGraphType>("first").Resolve(_ => Array.Empty<object>());
        item.Fields.Find("children")!.ResolvedType = new ListGraphType(item);

        var connection = new ObjectGraphType { Name = "ItemConnection" };
        connection.Field<ListGraphType<ObjectGraphType>>("nodes");
        connection.Fields.Find("nodes")!.ResolvedType = new ListGraphType(item);

        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("slow").ResolveAsync(async context =>
        {
            var probe = context.RequestServices!.GetService(typeof(SlowResolverProbe)) as SlowResolverProbe;
            probe?.Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                probe?.Cancelled.TrySetResult();
                throw;
            }

            return "never";
        });
        query.Field<ObjectGraphType>("item").Resolve(_ => new object());
        query.Fields.Find("item")!.ResolvedType = item;
        query.Field<ObjectGraphType>("itemConnection").Argument<IntGraphType>("first").Resolve(_ => new object());
        query.Fields.Find("itemConnection")!.ResolvedType = connection;
        Query = query;
    }
}
