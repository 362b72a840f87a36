using GraphQL;
using GraphQL.Transport;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Turns a transport-level <see cref="GraphQLRequest"/> into an <see cref="ExecutionResult"/> with the
/// standard execution options, so every transport (HTTP, WebSocket, SSE) executes the same way.
/// </summary>
public interface IGraphQLRequestExecutor
{
    Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, GraphQLRequestContext context, CancellationToken cancellationToken);
}
