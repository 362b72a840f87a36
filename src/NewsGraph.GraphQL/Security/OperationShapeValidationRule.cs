using GraphQL.Validation;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Rejects operations whose fields nest deeper than <see cref="MaxDepth"/> (root fields are depth 1; Hot Chocolate's
/// <c>AddMaxExecutionDepthRule</c>) or that select more than <see cref="MaxFieldSelections"/> fields once their
/// fragments are spread in. Execution spreads fragments: a 1.6 KB document of fragments that each spread the
/// previous one twice selects millions of fields, which no cost weight catches when they are all scalars. Both are
/// measured in one pass that reuses each fragment's measure (<see cref="OperationShape"/>).
/// </summary>
public sealed class OperationShapeValidationRule : ValidationRuleBase
{
    public OperationShapeValidationRule(int? maxDepth, int? maxFieldSelections)
    {
        if (maxDepth is { } depth)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth, nameof(maxDepth));
        }

        if (maxFieldSelections is { } selections)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(selections, nameof(maxFieldSelections));
        }

        MaxDepth = maxDepth;
        MaxFieldSelections = maxFieldSelections;
    }

    public int? MaxDepth { get; }

    public int? MaxFieldSelections { get; }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation is not { } operation)
        {
            return default;
        }

        OperationShape shape;
        try
        {
            shape = OperationShape.Of(operation, context.Document);
        }
        catch (InsufficientExecutionStackException)
        {
            // A fragment chain so long that following it would exhaust the stack is certainly too deep.
            shape = new OperationShape(int.MaxValue, double.PositiveInfinity);
        }

        if (MaxDepth is { } maxDepth && shape.Depth > maxDepth)
        {
            context.ReportError(new MaxExecutionDepthError(context.Document.Source, operation, shape.Depth, maxDepth));
        }
        else if (MaxFieldSelections is { } maxSelections && shape.FieldSelections > maxSelections)
        {
            context.ReportError(new MaxFieldSelectionsError(context.Document.Source, operation, shape.FieldSelections, maxSelections));
        }

        return default;
    }
}
