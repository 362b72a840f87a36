using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Http;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// Over a streamed response (server-sent events, multipart) every operation type is allowed (that is what it is for),
/// except mutations over GET: a GET must stay safe, as over plain HTTP.
/// </summary>
public sealed class HttpStreamOperationTypeValidationRule : ValidationRuleBase
{
    private HttpStreamOperationTypeValidationRule()
    {
    }

    public static HttpStreamOperationTypeValidationRule Get { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation.Operation == OperationType.Mutation)
        {
            context.ReportError(HttpOperationNotAllowedError.MutationOverGet(context.Document.Source, context.Operation));
        }

        return default;
    }
}
