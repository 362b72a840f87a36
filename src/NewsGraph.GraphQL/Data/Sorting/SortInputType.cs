using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Data;

namespace NewsGraph.GraphQL.Data.Sorting;

/// <summary>
/// HC-style <c>{Type}SortInput</c>: fields of type <c>SortEnumType</c> or nested sort inputs. Turns the parsed
/// <c>order: [XSortInput!]</c> list into <see cref="SortKey{T}"/>s, list elements in order.
/// </summary>
public abstract class SortInputType<T> : InputObjectGraphType<object>, ISortKeyBuilder<T>, ISortInputType
{
    private readonly Dictionary<string, Func<object?, string, Func<LambdaExpression, LambdaExpression>, IEnumerable<SortKey<T>>>> _fieldBuilders =
        new(StringComparer.Ordinal);

    protected SortInputType(string name)
    {
        Name = name;
    }

    protected void Field<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        AddField(new FieldType { Name = name, Type = typeof(SortEnumGraphType) });
        _fieldBuilders.Add(name, (value, path, compose) => value is SortDirection direction
            ? [new SortKey<T>(path, compose(key), direction)]
            : []);
    }

    protected void ObjectField<TSortType, TChild>(string name, Expression<Func<T, TChild>> navigation)
        where TSortType : SortInputType<TChild>
    {
        AddField(new FieldType { Name = name, Type = typeof(TSortType) });
        _fieldBuilders.Add(name, (value, path, compose) =>
            ChildSort<TSortType, TChild>(name).BuildKeys(value, path + ".", childSelector => compose(Compose(navigation, childSelector)))
                .Select(child => new SortKey<T>(child.Name, child.Selector, child.Direction)));
    }

    /// <summary>The sort keys of a parsed <c>order</c> value: list elements in order, fields within one element in parse order.</summary>
    public IReadOnlyList<SortKey<T>> BuildSortKeys(object? value)
    {
        if (value is null)
        {
            return [];
        }

        IEnumerable<object?> elements = value is IDictionary<string, object?> single ? [single] : ((System.Collections.IEnumerable)value).Cast<object?>();
        return elements.SelectMany(element => BuildKeys(element, string.Empty, selector => selector)).ToList();
    }

    IEnumerable<SortKey<T>> ISortKeyBuilder<T>.BuildKeys(object? value, string prefix, Func<LambdaExpression, LambdaExpression> compose) =>
        BuildKeys(value, prefix, compose);

    private IEnumerable<SortKey<T>> BuildKeys(object? value, string prefix, Func<LambdaExpression, LambdaExpression> compose)
    {
        if (value is not IDictionary<string, object?> fields)
        {
            yield break;
        }

        foreach (var (name, fieldValue) in fields)
        {
            if (!_fieldBuilders.TryGetValue(name, out var build))
            {
                throw new ExecutionError($"`{Name}` has no field `{name}`.") { Code = "SORT_INVALID_VALUE" };
            }

            foreach (var key in build(fieldValue, prefix + name, compose))
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// x => navigation(x) then child(…) as one lambda over the root type. Value keys become nullable: a missing
    /// navigation yields SQL NULL, which cursors and keyset predicates must be able to represent.
    /// </summary>
    private static LambdaExpression Compose(LambdaExpression navigation, LambdaExpression child)
    {
        var body = ParameterReplacer.Inline(child, navigation.Body);
        if (body.Type.IsValueType && Nullable.GetUnderlyingType(body.Type) is null)
        {
            body = Expression.Convert(body, typeof(Nullable<>).MakeGenericType(body.Type));
        }

        return Expression.Lambda(body, navigation.Parameters);
    }

    private ISortKeyBuilder<TChild> ChildSort<TSortType, TChild>(string fieldName)
        where TSortType : SortInputType<TChild>
    {
        var resolved = GetField(fieldName)?.ResolvedType;
        return resolved as ISortKeyBuilder<TChild> ?? Activator.CreateInstance<TSortType>();
    }
}
