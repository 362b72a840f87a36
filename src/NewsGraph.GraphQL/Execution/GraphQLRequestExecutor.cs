using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Default <see cref="IGraphQLRequestExecutor"/>: resolves the executer and schema from the request scope
/// and always sets <see cref="ExecutionOptions.RequestServices"/> (many GraphQL.NET builder extensions need it).
/// </summary>
public sealed class GraphQLRequestExecutor : IGraphQLRequestExecutor
{
    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, GraphQLRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        var services = context.RequestServices;
        var options = new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = request.Query,
            DocumentId = request.DocumentId,
            // The GraphQL-over-HTTP spec treats an empty operation name as absent.
            OperationName = string.IsNullOrEmpty(request.OperationName) ? null : request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = context.User,
            CancellationToken = cancellationToken,
        };

        if (context.UserContext is not null)
        {
            options.UserContext = context.UserContext;
        }

        if (context.AdditionalValidationRules.Count > 0)
        {
            options.ValidationRules = [.. DocumentValidator.CoreRules, .. context.AdditionalValidationRules];
            // A cached document skips the core rules but must still be checked against transport rules.
            options.CachedDocumentValidationRules = context.AdditionalValidationRules;
        }

        return services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options);
    }
}
