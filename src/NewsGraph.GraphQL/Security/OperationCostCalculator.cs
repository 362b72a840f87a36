using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Estimates an operation's cost with Hot Chocolate's default weights (IBM cost spec): a field returning a composite
/// type or list weighs 1, or 10 when it has its own resolver (Hot Chocolate's async-resolver cost); leaf fields 0;
/// every composite type returned adds 1 to the type cost. List fields multiply their subtree by the list size:
/// <c>first</c>/<c>last</c> when given, Relay connections (<c>XConnection</c> types) by <c>first</c>/<c>last</c>,
/// else the default page size — Hot Chocolate's <c>@listSize(slicingArgumentDefaultValue: 10, sizedFields:
/// ["edges","nodes"])</c>. A size above the maximum page size counts as the maximum: paging refuses it with HC0051,
/// which must win over a cost error. Filter (<c>where</c>) arguments cost 10 plus 10 per operation (20 for string
/// matching) plus 1 per <c>in</c>/<c>nin</c> value; sort (<c>order</c>) arguments 10 plus 10 per sort field.
/// Arguments are the parsed values, so a variable costs what its value costs. Fragments on abstract types are
/// added, not maxed: an over-estimate.
/// </summary>
/// <remarks>
/// Each selection set is costed once per parent type and list context and the result reused, so a fragment spread
/// many times (or a "billion laughs" chain of fragments each spreading the previous one twice) costs work in
/// proportion to the document, not to its expansion. <see cref="MaxSelectionVisits"/> bounds the work regardless.
/// </remarks>
internal sealed class OperationCostCalculator
{
    /// <summary>Field selections the calculator may visit for one operation; a document that needs more is refused as too costly.</summary>
    public const int MaxSelectionVisits = 100_000;

    private const double CompositeFieldWeight = 1;
    private const double ResolverFieldWeight = 10;
    private const double CompositeTypeWeight = 1;
    private const double FilterArgumentWeight = 10;
    private const double FilterOperationWeight = 10;
    private const double FilterListValueWeight = 1;
    private const double SortArgumentWeight = 10;
    private const double SortFieldWeight = 10;

    private static readonly string[] SlicingArguments = ["first", "last"];

    private readonly ISchema _schema;
    private readonly IReadOnlyDictionary<GraphQLField, IDictionary<string, ArgumentValue>> _arguments;
    private readonly PagingOptions _paging;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly Dictionary<(GraphQLSelectionSet, IComplexGraphType, double?), OperationCost> _costed = [];
    private readonly HashSet<GraphQLSelectionSet> _inProgress = [];
    private int _visits;

    public OperationCostCalculator(
        ISchema schema,
        GraphQLDocument document,
        IReadOnlyDictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments,
        PagingOptions paging)
    {
        _schema = schema;
        _arguments = arguments ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>();
        _paging = paging;
        _fragments = DocumentFragments.Of(document);
    }

    /// <exception cref="AnalysisBudgetExceededException">The operation needs more than <see cref="MaxSelectionVisits"/> visits.</exception>
    public OperationCost Calculate(GraphQLOperationDefinition operation)
    {
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

        var key = (selectionSet, parent, sizedFieldMultiplier);
        if (_costed.TryGetValue(key, out var known))
        {
            return known;
        }

        // A cycle is reported by the core rule NoFragmentCycles before this runs; here it only must not loop.
        if (!_inProgress.Add(selectionSet))
        {
            return default;
        }

        double fieldCost = 0, typeCost = 0;
        foreach (var selection in selectionSet.Selections)
        {
            var cost = selection switch
            {
                GraphQLField field => Field(field, parent, sizedFieldMultiplier),
                GraphQLInlineFragment inline => SelectionSet(inline.SelectionSet, TypeCondition(inline.TypeCondition) ?? parent, sizedFieldMultiplier),
                GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    => SelectionSet(fragment.SelectionSet, TypeCondition(fragment.TypeCondition) ?? parent, sizedFieldMultiplier),
                _ => default,
            };
            fieldCost += cost.FieldCost;
            typeCost += cost.TypeCost;
        }

        _inProgress.Remove(selectionSet);
        var result = new OperationCost(fieldCost, typeCost);
        _costed[key] = result;
        return result;
    }

    private IComplexGraphType? TypeCondition(GraphQLTypeCondition? condition)
        => condition is null ? null : _schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType;

    private OperationCost Field(GraphQLField node, IComplexGraphType parent, double? sizedFieldMultiplier)
    {
        if (++_visits > MaxSelectionVisits)
        {
            throw new AnalysisBudgetExceededException();
        }

        var name = node.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal) || parent.GetField(name) is not { } field || field.ResolvedType is not { } fieldType)
        {
            // Introspection and unknown fields (the core rules report the latter) cost nothing here.
            return default;
        }

        var namedType = fieldType.GetNamedType();
        var isComposite = namedType is IComplexGraphType or IAbstractGraphType;
        var isList = Unwrap(fieldType) is ListGraphType;
        var arguments = _arguments.GetValueOrDefault(node);

        var fieldWeight = field.GetCost() ?? (isComposite || isList ? (HasOwnResolver(field) ? ResolverFieldWeight : CompositeFieldWeight) : 0);
        var typeCost = isComposite ? CompositeTypeWeight : 0;
        var fieldCost = fieldWeight + ArgumentsCost(arguments, field);

        var isConnection = namedType.Name.EndsWith("Connection", StringComparison.Ordinal) && !isList;
        double? childSizedMultiplier = isConnection ? SliceSize(arguments) ?? _paging.DefaultPageSize : null;

        if (namedType is IComplexGraphType complex && node.SelectionSet is not null)
        {
            var children = SelectionSet(node.SelectionSet, complex, childSizedMultiplier);
            var listSize = isList ? ListSize(arguments, name, sizedFieldMultiplier) : 1;
            fieldCost += children.FieldCost * listSize;
            typeCost = (typeCost + children.TypeCost) * listSize;
        }
        else if (namedType is IAbstractGraphType abstractType && node.SelectionSet is not null)
        {
            // Interfaces and unions: cost the selections against the most expensive possible type.
            var listSize = isList ? ListSize(arguments, name, sizedFieldMultiplier) : 1;
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
            typeCost *= ListSize(arguments, name, sizedFieldMultiplier);
        }

        return new OperationCost(Math.Max(0, fieldCost), typeCost);
    }

    private double ListSize(IDictionary<string, ArgumentValue>? arguments, string name, double? sizedFieldMultiplier)
    {
        if (sizedFieldMultiplier is { } sized && name is "edges" or "nodes")
        {
            return sized;
        }

        return SliceSize(arguments) ?? 1;
    }

    /// <summary>
    /// The larger of <c>first</c> and <c>last</c>, within 0 and the maximum page size (outside it paging refuses the
    /// request with its own error); null when neither is given.
    /// </summary>
    private double? SliceSize(IDictionary<string, ArgumentValue>? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        double? size = null;
        foreach (var name in SlicingArguments)
        {
            if (arguments.TryGetValue(name, out var argument) && argument.Value is { } value)
            {
                var requested = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                size = Math.Max(size ?? 0, Math.Clamp(requested, 0, _paging.MaxPageSize));
            }
        }

        return size;
    }

    private static double ArgumentsCost(IDictionary<string, ArgumentValue>? arguments, FieldType field)
    {
        if (arguments is null || field.Arguments is null)
        {
            return 0;
        }

        double cost = 0;
        foreach (var definition in field.Arguments)
        {
            if (!arguments.TryGetValue(definition.Name, out var argument) || argument.Value is null)
            {
                continue;
            }

            switch (definition.ResolvedType?.GetNamedType())
            {
                case IFilterBodyBuilder:
                    var filter = InputValueShape.OfFilter(argument.Value);
                    cost += FilterArgumentWeight
                        + (FilterOperationWeight * (filter.Operations + filter.MatchOperations))
                        + (FilterListValueWeight * filter.ListValues);
                    break;
                case ISortInputType:
                    cost += SortArgumentWeight + (SortFieldWeight * InputValueShape.SortFieldCount(argument.Value));
                    break;
            }
        }

        return cost;
    }

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? Unwrap(nonNull.ResolvedType!) : type;

    /// <summary>Fields that only read a property have no resolver of their own; the rest do work (loaders, queries).</summary>
    private static bool HasOwnResolver(FieldType field)
        => field.Resolver is { } resolver
            && resolver.GetType().Name is not ("NameFieldResolver" or "MemberResolver")
            && !resolver.GetType().Name.StartsWith("ExpressionFieldResolver", StringComparison.Ordinal);
}
