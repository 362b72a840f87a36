using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Refuses <c>where</c> and <c>order</c> arguments beyond the input limits before anything executes, whether they
/// were written in the document or sent as variables: the values are measured after GraphQL.NET has parsed them,
/// so no filter or sort expression is ever built from an oversized input. Without these limits one small request
/// could make the server build an expression thousands of levels deep (EF Core's SQL generator recurses over it and
/// overflows the stack, which ends the process) or send the database more parameters than it accepts.
/// </summary>
public sealed class InputLimitsValidationRule : ValidationRuleBase
{
    private readonly GraphQLLimitsOptions _limits;
    private readonly MatchingNodeVisitor<GraphQLField> _visitor;

    public InputLimitsValidationRule(GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxFilterDepth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxFilterFields);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxFilterListLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxSortFields);
        _limits = limits;
        _visitor = new MatchingNodeVisitor<GraphQLField>(Check);
    }

    // Runs after variables and arguments are parsed (GraphQL.NET's post-node phase), each field of the document once.
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
        => context.ArgumentValues is { Count: > 0 } ? new(_visitor) : default;

    private void Check(GraphQLField node, ValidationContext context)
    {
        if (context.TypeInfo.GetFieldDef() is not { Arguments.Count: > 0 } field
            || context.ArgumentValues is null
            || !context.ArgumentValues.TryGetValue(node, out var values))
        {
            return;
        }

        foreach (var argument in field.Arguments)
        {
            if (!values.TryGetValue(argument.Name, out var value) || value.Value is null)
            {
                continue;
            }

            var error = argument.ResolvedType?.GetNamedType() switch
            {
                IFilterBodyBuilder => CheckFilter(InputValueShape.OfFilter(value.Value)),
                ISortInputType => CheckSort(InputValueShape.SortFieldCount(value.Value)),
                _ => null,
            };
            if (error is { } found)
            {
                var coordinate = $"{context.TypeInfo.GetParentType()?.GetNamedType().Name}.{field.Name}({argument.Name}:)";
                context.ReportError(new InputLimitError(context.Document.Source, node, found.Code, $"The argument `{coordinate}` {found.Message}"));
            }
        }
    }

    private (string Code, string Message)? CheckFilter(InputValueShape shape)
    {
        if (shape.Depth > _limits.MaxFilterDepth)
        {
            return (SecurityErrorCodes.MaxFilterDepthExceeded,
                $"nests {shape.Depth} levels deep, which exceeds the max allowed filter depth of {_limits.MaxFilterDepth}.");
        }

        if (shape.Fields > _limits.MaxFilterFields)
        {
            return (SecurityErrorCodes.MaxFilterFieldsExceeded,
                $"has {shape.Fields} filter fields (and/or elements included), which exceeds the max allowed number of filter fields of {_limits.MaxFilterFields}.");
        }

        if (shape.LongestList > _limits.MaxFilterListLength)
        {
            return (SecurityErrorCodes.MaxFilterListLengthExceeded,
                $"has a list of {shape.LongestList} values, which exceeds the max allowed list length of {_limits.MaxFilterListLength}.");
        }

        return null;
    }

    private (string Code, string Message)? CheckSort(int fields) => fields > _limits.MaxSortFields
        ? (SecurityErrorCodes.MaxSortFieldsExceeded, $"has {fields} sort fields, which exceeds the max allowed number of sort fields of {_limits.MaxSortFields}.")
        : null;
}
