using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Tests.TestHosting;

/// <summary>A tiny schema exercising the transport: arguments, errors, a mutation, a subscription, scoped services.</summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new TestQuery();
        Mutation = new TestMutation();
        Subscription = new TestSubscription();
    }
}

/// <summary>Counts mutations, so tests can prove a refused mutation changed nothing.</summary>
public sealed class TestCounter
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public int Increment() => Interlocked.Increment(ref _value);
}

internal sealed class TestQuery : ObjectGraphType
{
    public TestQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(ctx => $"Hello, {ctx.GetArgument<string?>("name") ?? "world"}!");
        Field<NonNullGraphType<StringGraphType>>("echo")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(ctx => ctx.GetArgument<string>("text"));
        Field<IntGraphType>("add")
            .Argument<NonNullGraphType<IntGraphType>>("a")
            .Argument<NonNullGraphType<IntGraphType>>("b")
            .Resolve(ctx => ctx.GetArgument<int>("a") + ctx.GetArgument<int>("b"));
        Field<StringGraphType>("fail")
            .Resolve(_ => throw new InvalidOperationException("resolver failure"));
        Field<IntGraphType>("counter")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<TestCounter>().Value);
        Field<StringGraphType>("slow")
            .ResolveAsync(async ctx =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return (object?)null;
            });
    }
}

internal sealed class TestMutation : ObjectGraphType
{
    public TestMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<IntGraphType>>("increment")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<TestCounter>().Increment());
    }
}

internal sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";
        Field<IntGraphType>("ticks")
            .ResolveStream(_ => new CompletedObservable<object?>());
    }
}

/// <summary>An observable that completes at once: enough for the schema; the HTTP transport never subscribes.</summary>
internal sealed class CompletedObservable<T> : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        observer.OnCompleted();
        return new NoopDisposable();
    }

    private sealed class NoopDisposable : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
