using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>
/// HC-style <c>{Type}FilterInput</c> over <typeparamref name="T"/>: declare fields in the constructor, then turn
/// a parsed <c>where</c> value into an EF Core-translatable predicate with <see cref="BuildPredicate"/>.
/// Sibling fields are ANDed; <c>and</c>/<c>or</c> take lists of this type. Shared operation types are
/// referenced by CLR type so the schema holds one instance per name.
/// </summary>
public abstract class FilterInputType<T> : InputObjectGraphType<object>, IFilterBodyBuilder
{
    private static readonly MethodInfo AnyMethod = EnumerableMethod(nameof(Enumerable.Any), 1);
    private static readonly MethodInfo AnyWithPredicateMethod = EnumerableMethod(nameof(Enumerable.Any), 2);
    private static readonly MethodInfo AllMethod = EnumerableMethod(nameof(Enumerable.All), 2);

    private readonly Dictionary<string, Func<Expression, object?, Expression?>> _fieldBuilders = new(StringComparer.Ordinal);

    protected FilterInputType(string name)
    {
        Name = name;
        var self = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(name)));
        AddField(new FieldType { Name = "and", ResolvedType = self });
        AddField(new FieldType { Name = "or", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(name))) });
    }

    protected void Field(string name, Expression<Func<T, string?>> member) =>
        AddOperationField<StringOperationFilterInputType>(name, member, (m, v) => StringOperationExpressions.Build(m, FilterValues.AsObject(v)));

    protected void Field(string name, Expression<Func<T, int>> member) => AddComparable<IntOperationFilterInputType>(name, member);

    protected void Field(string name, Expression<Func<T, int?>> member) => AddComparable<IntOperationFilterInputType>(name, member);

    protected void Field(string name, Expression<Func<T, bool>> member) => AddComparable<BooleanOperationFilterInputType>(name, member);

    protected void Field(string name, Expression<Func<T, DateTime>> member) => AddComparable<DateTimeOperationFilterInputType>(name, member);

    protected void Field(string name, Expression<Func<T, DateTime?>> member) => AddComparable<DateTimeOperationFilterInputType>(name, member);

    protected void EnumField<TEnumGraphType, TEnum>(string name, Expression<Func<T, TEnum>> member)
        where TEnumGraphType : EnumerationGraphType, new()
        where TEnum : struct, Enum =>
        AddComparable<EnumOperationFilterInputType<TEnumGraphType>>(name, member);

    /// <summary>An <c>IdOperationFilterInput</c> whose values are global IDs of <paramref name="nodeTypeName"/>.</summary>
    protected void IdField(string name, Expression<Func<T, int>> member, string nodeTypeName) =>
        AddOperationField<IdOperationFilterInputType>(name, member, (m, v) => OperationExpressions.Build(
            m,
            FilterValues.AsObject(v),
            (value, _) => value is null ? null : NodeId.DecodeInt(Convert.ToString(value, CultureInfo.InvariantCulture), nodeTypeName)));

    /// <summary>A nested filter over a reference navigation; a null navigation never matches.</summary>
    protected void ObjectField<TFilterType, TChild>(string name, Expression<Func<T, TChild?>> navigation)
        where TFilterType : FilterInputType<TChild>
    {
        AddField(new FieldType { Name = name, Type = typeof(TFilterType) });
        _fieldBuilders.Add(name, (instance, value) =>
        {
            var target = ParameterReplacer.Inline(navigation, instance);
            var body = ChildFilter<TFilterType>(name).BuildBody(target, value);
            return body is null ? null : Expression.AndAlso(Expression.NotEqual(target, Expression.Constant(null, target.Type)), body);
        });
    }

    /// <summary>A collection navigation: <c>all</c>, <c>none</c>, <c>some</c> take the element filter; <c>any</c> tests emptiness.</summary>
    protected void ListField<TFilterType, TChild>(string name, Expression<Func<T, IEnumerable<TChild>>> navigation)
        where TFilterType : FilterInputType<TChild>
    {
        AddField(new FieldType { Name = name, Type = typeof(ListFilterInputType<TFilterType>) });
        _fieldBuilders.Add(name, (instance, value) =>
        {
            var operations = FilterValues.AsObject(value);
            if (operations is null)
            {
                return null;
            }

            var collection = ParameterReplacer.Inline(navigation, instance);
            Expression? result = null;
            foreach (var (operation, operand) in operations)
            {
                var part = operation switch
                {
                    "any" when operand is null => throw FilterValues.NullNotAllowed("any"),
                    "any" => (bool)operand
                        ? Expression.Call(AnyMethod.MakeGenericMethod(typeof(TChild)), collection)
                        : Expression.Not(Expression.Call(AnyMethod.MakeGenericMethod(typeof(TChild)), collection)),
                    "some" => ElementCall(AnyWithPredicateMethod, collection, ElementPredicate<TFilterType, TChild>(name, operand), negate: false),
                    "none" => ElementCall(AnyWithPredicateMethod, collection, ElementPredicate<TFilterType, TChild>(name, operand), negate: true),
                    "all" => ElementCall(AllMethod, collection, ElementPredicate<TFilterType, TChild>(name, operand), negate: false),
                    _ => throw new ExecutionError($"Unknown list filter operation `{operation}`.") { Code = FilterErrorCodes.InvalidValue },
                };
                result = PredicateCombiner.And(result, part);
            }

            return result;
        });
    }

    /// <summary>The predicate for a parsed <c>where</c> value; <c>null</c> when the value restricts nothing.</summary>
    public Expression<Func<T, bool>>? BuildPredicate(object? value)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = BuildBody(parameter, value);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    Expression? IFilterBodyBuilder.BuildBody(Expression instance, object? value) => BuildBody(instance, value);

    private Expression? BuildBody(Expression instance, object? value)
    {
        var fields = FilterValues.AsObject(value);
        if (fields is null)
        {
            return null;
        }

        Expression? result = null;
        foreach (var (name, fieldValue) in fields)
        {
            var part = name switch
            {
                "and" => PredicateCombiner.All(FilterValues.AsList(fieldValue).Select(item => BuildBody(instance, item))),
                "or" => PredicateCombiner.Any(FilterValues.AsList(fieldValue).Select(item => BuildBody(instance, item)).ToList()),
                _ when fieldValue is null => null,
                _ when _fieldBuilders.TryGetValue(name, out var build) => build(instance, fieldValue),
                _ => throw new ExecutionError($"`{Name}` has no field `{name}`.") { Code = FilterErrorCodes.InvalidValue },
            };
            result = PredicateCombiner.And(result, part);
        }

        return result;
    }

    private void AddComparable<TOperationType>(string name, LambdaExpression member)
        where TOperationType : IGraphType =>
        AddOperationField<TOperationType>(name, member, (m, v) => OperationExpressions.Build(m, FilterValues.AsObject(v)));

    private void AddOperationField<TOperationType>(string name, LambdaExpression member, Func<Expression, object?, Expression?> build)
        where TOperationType : IGraphType
    {
        AddField(new FieldType { Name = name, Type = typeof(TOperationType) });
        _fieldBuilders.Add(name, (instance, value) => build(ParameterReplacer.Inline(member, instance), value));
    }

    /// <summary>The schema's instance of a nested filter type (falls back to a new one outside a schema).</summary>
    private IFilterBodyBuilder ChildFilter<TFilterType>(string fieldName)
    {
        var resolved = GetField(fieldName)?.ResolvedType;
        while (resolved is IProvideResolvedType wrapper)
        {
            resolved = wrapper.ResolvedType;
        }

        if (resolved is TFilterType and IFilterBodyBuilder schemaInstance)
        {
            return schemaInstance;
        }

        if (resolved is IInputObjectGraphType listType && listType.GetField("some")?.ResolvedType is IFilterBodyBuilder element)
        {
            return element;
        }

        return (IFilterBodyBuilder)Activator.CreateInstance<TFilterType>()!;
    }

    private Expression<Func<TChild, bool>> ElementPredicate<TFilterType, TChild>(string fieldName, object? value)
    {
        var element = Expression.Parameter(typeof(TChild), "e");
        var body = ChildFilter<TFilterType>(fieldName).BuildBody(element, value) ?? Expression.Constant(true);
        return Expression.Lambda<Func<TChild, bool>>(body, element);
    }

    private static Expression ElementCall(MethodInfo method, Expression collection, LambdaExpression predicate, bool negate)
    {
        var elementType = predicate.Parameters[0].Type;
        Expression call = Expression.Call(method.MakeGenericMethod(elementType), collection, predicate);
        return negate ? Expression.Not(call) : call;
    }

    private static MethodInfo EnumerableMethod(string name, int parameterCount) => typeof(Enumerable).GetMethods()
        .Single(m => m.Name == name && m.GetParameters().Length == parameterCount);
}
