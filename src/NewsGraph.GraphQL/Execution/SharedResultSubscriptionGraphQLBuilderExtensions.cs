using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Execution;

public static class SharedResultSubscriptionGraphQLBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SharedResultSubscriptionExecutionStrategy"/> for subscriptions: GraphQL.NET's
    /// <c>AddScopedSubscriptionExecutionStrategy</c> (a scope per event) plus one execution per event per distinct
    /// request and user, shared by all its subscribers.
    /// </summary>
    public static IGraphQLBuilder AddSharedResultSubscriptionExecutionStrategy(this IGraphQLBuilder builder, bool serialExecution = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddExecutionStrategy(
            provider =>
            {
                // A new child strategy per instance, as GraphQL.NET does, so no reusable state is shared.
                IExecutionStrategy child = serialExecution ? new SerialExecutionStrategy() : new ParallelExecutionStrategy();
                return new SharedResultSubscriptionExecutionStrategy(provider.GetRequiredService<IServiceScopeFactory>(), child);
            },
            GraphQLParser.AST.OperationType.Subscription);
        return builder;
    }
}
