using System.Globalization;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>An operation of a batch would spend more than the batch's cost budget has left (it may fit on its own).</summary>
public sealed class BatchCostExceededError : ValidationError
{
    public const string ErrorCode = "BATCH_COST_EXCEEDED";

    private BatchCostExceededError(ROM source, ASTNode node, string message)
        : base(source, null!, message, node)
    {
        Code = ErrorCode;
    }

    internal static BatchCostExceededError Of(ROM source, ASTNode node, string kind, double cost, double spent, double max)
        => new(source, node, string.Create(CultureInfo.InvariantCulture,
            $"The maximum allowed {kind} cost of the batch was exceeded. The operation has a {kind} cost of {cost}, the operations before it in the batch spent {spent}, and the batch may spend {max}."));
}
