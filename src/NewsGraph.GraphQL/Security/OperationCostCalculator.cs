using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Estimates an operation's cost with Hot Chocolate's default weights (IBM cost spec): a field returning a composite
/// type or list weighs 1, or 10 when it has its own resolver (Hot Chocolate's async-resolver cost); leaf fields 0;
/// every composite type returned adds 1 to the type cost. List fields multiply their subtree by the list size:
/// <c>first</c>/<c>last</c> when given, Relay connections (<c>XConnection</c> types) by <c>first</c>/<c>last</c>,
/// else 10 (the default page size) and 50 (the max page size) for an unknown variable — Hot Chocolate's
/// <c>@listSize(assumedSize: 50, slicingArgumentDefaultValue: 10, sizedFields: ["edges","nodes"])</c>.
/// Filter (<c>XFilterInput</c>) and sort (<c>XSortInput</c>) arguments cost 10 plus 10 per operation (20 for string
/// matching), times 5 when passed as a variable. Fragments on abstract types are added, not maxed: an over-estimate.
/// </summary>
internal sealed class OperationCostCalculator
{
    private const double CompositeFieldWeight = 1;
    private const double ResolverFieldWeight = 10;
    private const double CompositeTypeWeight = 1;
    private const double FilterArgumentWeight = 10;
    private const double FilterOperationWeight = 10;
    private const double ExpensiveFilterOperationWeight = 20;
    private const double FilterVariableMultiplier = 5;
    private const double SortArgumentWeight = 10;
    private const double SortOperationWeight = 10;
    private const int ConnectionDefaultSize = 10;
    private const int ConnectionAssumedSize = 50;

    private static readonly HashSet<string> ExpensiveFilterOperations = new(StringComparer.Ordinal)
    {
        "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith",
    };

    private readonly ISchema _schema;
    private readonly Inputs _variables;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphQLValue> _variableDefaults = new(StringComparer.Ordinal);

    public OperationCostCalculator(ISchema schema, GraphQLDocument document, Inputs? variables)
    {
        _schema = schema;
        _variables = variables ?? Inputs.Empty;
        _fragments = DocumentFragments.Of(document);
    }

    public OperationCost Calculate(GraphQLOperationDefinition operation)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            if (definition.DefaultValue is { } defaultValue)
            {
                _variableDefaults[definition.Variable.Name.StringValue] = defaultValue;
            }
        }

        IGraphType? root = operation.Operation switch
        {
            OperationType.Query => _schema.Query,
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => null,
        };
        if (root is not IComplexGraphType complex)
        {
            return default;
        }

        var cost = SelectionSet(operation.SelectionSet, complex, sizedFieldMultiplier: null);
        return cost with { TypeCost = cost.TypeCost + CompositeTypeWeight };
    }

    private OperationCost SelectionSet(GraphQLSelectionSet? selectionSet, IComplexGraphType parent, double? sizedFieldMultiplier)
    {
        if (selectionSet is null)
        {
            return default;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        double fieldCost = 0, typeCost = 0;
        foreach (var selection in selectionSet.Selections)
        {
            var cost = selection switch
            {
                GraphQLField field => Field(field, parent, sizedFieldMultiplier),
                GraphQLInlineFragment inline => SelectionSet(inline.SelectionSet, TypeCondition(inline.TypeCondition) ?? parent, sizedFieldMultiplier),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue, parent, sizedFieldMultiplier),
                _ => default,
            };
            fieldCost += cost.FieldCost;
            typeCost += cost.TypeCost;
        }

        return new OperationCost(fieldCost, typeCost);
    }

    private OperationCost Fragment(string name, IComplexGraphType parent, double? sizedFieldMultiplier)
    {
        // A cycle is reported by the core rule NoFragmentCycles; here it only must not loop.
        if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return default;
        }

        var cost = SelectionSet(fragment.SelectionSet, TypeCondition(fragment.TypeCondition) ?? parent, sizedFieldMultiplier);
        _inProgress.Remove(name);
        return cost;
    }

    private IComplexGraphType? TypeCondition(GraphQLTypeCondition? condition)
        => condition is null ? null : _schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType;

    private OperationCost Field(GraphQLField node, IComplexGraphType parent, double? sizedFieldMultiplier)
    {
        var name = node.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal) || parent.GetField(name) is not { } field || field.ResolvedType is not { } fieldType)
        {
            // Introspection and unknown fields (the core rules report the latter) cost nothing here.
            return default;
        }

        var namedType = fieldType.GetNamedType();
        var isComposite = namedType is IComplexGraphType or IAbstractGraphType;
        var isList = Unwrap(fieldType) is ListGraphType;

        var fieldWeight = field.GetCost() ?? (isComposite || isList ? (HasOwnResolver(field) ? ResolverFieldWeight : CompositeFieldWeight) : 0);
        var typeCost = isComposite ? CompositeTypeWeight : 0;
        var fieldCost = fieldWeight + ArgumentsCost(node, field);

        var isConnection = namedType.Name.EndsWith("Connection", StringComparison.Ordinal) && !isList;
        double? childSizedMultiplier = isConnection ? SliceSize(node) ?? ConnectionDefaultSize : null;

        if (namedType is IComplexGraphType complex && node.SelectionSet is not null)
        {
            var children = SelectionSet(node.SelectionSet, complex, childSizedMultiplier);
            var listSize = isList ? ListSize(node, name, sizedFieldMultiplier) : 1;
            fieldCost += children.FieldCost * listSize;
            typeCost = (typeCost + children.TypeCost) * listSize;
        }
        else if (namedType is IAbstractGraphType abstractType && node.SelectionSet is not null)
        {
            // Interfaces and unions: cost the selections against the most expensive possible type.
            var listSize = isList ? ListSize(node, name, sizedFieldMultiplier) : 1;
            var worst = default(OperationCost);
            foreach (var possible in abstractType.PossibleTypes)
            {
                var children = SelectionSet(node.SelectionSet, possible, null);
                worst = new OperationCost(Math.Max(worst.FieldCost, children.FieldCost), Math.Max(worst.TypeCost, children.TypeCost));
            }

            fieldCost += worst.FieldCost * listSize;
            typeCost = (typeCost + worst.TypeCost) * listSize;
        }
        else if (isList)
        {
            typeCost *= ListSize(node, name, sizedFieldMultiplier);
        }

        return new OperationCost(Math.Max(0, fieldCost), typeCost);
    }

    private double ListSize(GraphQLField node, string name, double? sizedFieldMultiplier)
    {
        if (sizedFieldMultiplier is { } sized && name is "edges" or "nodes")
        {
            return sized;
        }

        return SliceSize(node) ?? 1;
    }

    /// <summary>The value of <c>first</c> or <c>last</c>; an absent or null variable counts as the assumed size.</summary>
    private double? SliceSize(GraphQLField node)
    {
        if (node.Arguments is null)
        {
            return null;
        }

        double? size = null;
        foreach (var argument in node.Arguments.Items)
        {
            var name = argument.Name.StringValue;
            if (name is not ("first" or "last"))
            {
                continue;
            }

            var value = argument.Value switch
            {
                GraphQLVariable variable => VariableInt(variable.Name.StringValue) ?? ConnectionAssumedSize,
                var literal => LiteralInt(literal),
            };
            if (value is { } v)
            {
                size = Math.Max(size ?? 0, v);
            }
        }

        return size;
    }

    /// <summary>The variable's value as the request sent it, else its default in the operation; null when unknown or not a number
    /// (a wrong type is reported by the core rules, so here it only must not throw).</summary>
    private double? VariableInt(string name)
    {
        if (_variables.TryGetValue(name, out var value))
        {
            return value switch
            {
                int i => i,
                long l => l,
                double d => d,
                decimal m => (double)m,
                System.Numerics.BigInteger b => (double)b,
                _ => null,
            };
        }

        return _variableDefaults.TryGetValue(name, out var defaultValue) ? LiteralInt(defaultValue) : null;
    }

    private static double? LiteralInt(GraphQLValue value)
        => value is GraphQLIntValue literal && long.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;

    private static double ArgumentsCost(GraphQLField node, FieldType field)
    {
        if (node.Arguments is null || field.Arguments is null)
        {
            return 0;
        }

        double cost = 0;
        foreach (var argument in node.Arguments.Items)
        {
            var definition = field.Arguments.Find(argument.Name.StringValue);
            var inputName = definition?.ResolvedType?.GetNamedType().Name;
            if (inputName is null)
            {
                continue;
            }

            if (inputName.EndsWith("FilterInput", StringComparison.Ordinal))
            {
                cost += argument.Value is GraphQLVariable
                    ? FilterArgumentWeight * FilterVariableMultiplier
                    : FilterArgumentWeight + FilterOperations(argument.Value);
            }
            else if (inputName.EndsWith("SortInput", StringComparison.Ordinal))
            {
                cost += argument.Value is GraphQLVariable
                    ? SortArgumentWeight * FilterVariableMultiplier
                    : SortArgumentWeight + SortOperationWeight * SortOperations(argument.Value);
            }
        }

        return cost;
    }

    private static double FilterOperations(GraphQLValue value)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        double cost = 0;
        switch (value)
        {
            case GraphQLObjectValue obj when obj.Fields is not null:
                foreach (var field in obj.Fields)
                {
                    cost += field.Value is GraphQLObjectValue or GraphQLListValue { Values: [GraphQLObjectValue, ..] }
                        ? FilterOperations(field.Value)
                        : ExpensiveFilterOperations.Contains(field.Name.StringValue) ? ExpensiveFilterOperationWeight : FilterOperationWeight;
                }

                break;
            case GraphQLListValue list when list.Values is not null:
                foreach (var item in list.Values)
                {
                    cost += FilterOperations(item);
                }

                break;
        }

        return cost;
    }

    private static int SortOperations(GraphQLValue value) => value switch
    {
        GraphQLObjectValue obj => obj.Fields?.Count ?? 0,
        GraphQLListValue list => list.Values?.Sum(SortOperations) ?? 0,
        _ => 0,
    };

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? Unwrap(nonNull.ResolvedType!) : type;

    /// <summary>Fields that only read a property have no resolver of their own; the rest do work (loaders, queries).</summary>
    private static bool HasOwnResolver(FieldType field)
        => field.Resolver is { } resolver
            && resolver.GetType().Name is not ("NameFieldResolver" or "MemberResolver")
            && !resolver.GetType().Name.StartsWith("ExpressionFieldResolver", StringComparison.Ordinal);
}
