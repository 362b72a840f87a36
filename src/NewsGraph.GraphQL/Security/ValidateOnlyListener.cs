using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Stops a valid operation from running once it has been validated (and costed): the <c>GraphQL-Cost: validate</c>
/// request. GraphQL.NET has no "validate only" switch; the strategy it is about to run is swapped for one that does nothing.
/// </summary>
internal sealed class ValidateOnlyListener : DocumentExecutionListenerBase
{
    public static ValidateOnlyListener Instance { get; } = new();

    public override Task AfterValidationAsync(IExecutionContext context, IValidationResult validationResult)
    {
        if (context is ExecutionContext executionContext)
        {
            executionContext.ExecutionStrategy = NoExecutionStrategy.Instance;
        }

        return Task.CompletedTask;
    }

    private sealed class NoExecutionStrategy : ParallelExecutionStrategy
    {
        public static new NoExecutionStrategy Instance { get; } = new();

        public override Task<ExecutionResult> ExecuteAsync(ExecutionContext context) => Task.FromResult(new ExecutionResult());
    }
}
