using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Refuses operation types the HTTP method cannot carry. A validation rule (rather than a pre-parse) so the
/// engine's own parse and operation selection decide which operation is meant.
/// </summary>
public sealed class HttpOperationTypeValidationRule : ValidationRuleBase
{
    private readonly bool _isGet;

    private HttpOperationTypeValidationRule(bool isGet) => _isGet = isGet;

    /// <summary>GET: queries only.</summary>
    public static HttpOperationTypeValidationRule Get { get; } = new(isGet: true);

    /// <summary>POST: queries and mutations.</summary>
    public static HttpOperationTypeValidationRule Post { get; } = new(isGet: false);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation;
        switch (operation.Operation)
        {
            case OperationType.Subscription:
                context.ReportError(HttpOperationNotAllowedError.SubscriptionOverHttp(context.Document.Source, operation));
                break;
            case OperationType.Mutation when _isGet:
                context.ReportError(HttpOperationNotAllowedError.MutationOverGet(context.Document.Source, operation));
                break;
        }

        return default;
    }
}
