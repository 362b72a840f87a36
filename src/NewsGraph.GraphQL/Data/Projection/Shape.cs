using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Data.Projection;

/// <summary>
/// What a projection reads of one object: its members, and for a reference to an object of another projected type
/// (an article's category) only what the request selects of that object in turn (the category's name and its parent's
/// name), so the database joins the references instead of a loader query each.
/// </summary>
internal sealed class Shape
{
    // Bounds the joins of one projection whatever the document (category.parent.parent…); deeper levels are loaded whole.
    private const int MaxDepth = 3;

    private readonly Type _type;

    // A member maps to null when it is read as it is: a column, or a referenced object as a whole.
    private readonly SortedDictionary<string, Shape?> _members;

    private Shape(Type type, SortedDictionary<string, Shape?> members)
    {
        _type = type;
        _members = members;
        Key = string.Join(',', members.Select(member => member.Value is null ? member.Key : $"{member.Key}{{{member.Value.Key}}}"));
    }

    /// <summary>Identifies the projection among those of the same root type: the same key reads the same columns.</summary>
    public string Key { get; }

    /// <summary>
    /// The shape of <paramref name="clrType"/> objects shown as <paramref name="type"/> with <paramref name="fields"/>
    /// selected, or null when the type is not projected or the selection asks for something no declaration accounts for.
    /// </summary>
    public static Shape? Of(Type clrType, IObjectGraphType type, IReadOnlyList<GraphQLField> fields, IResolveFieldContext context) =>
        Of(clrType, type, fields, context.Schema, context.Document, depth: 0);

    /// <summary><c>new T { A = source.A, Ref = source.Ref == null ? null : new R { … } }</c>.</summary>
    public Expression Initializer(Expression source)
    {
        var bindings = new List<MemberBinding>(_members.Count);
        foreach (var (name, nested) in _members)
        {
            var property = _type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!;
            var value = Expression.Property(source, property);
            bindings.Add(Expression.Bind(property, nested is null
                ? value
                : Expression.Condition(
                    Expression.Equal(value, Expression.Constant(null, property.PropertyType)),
                    Expression.Constant(null, property.PropertyType),
                    nested.Initializer(value))));
        }

        return Expression.MemberInit(Expression.New(_type), bindings);
    }

    private static Shape? Of(Type clrType, IObjectGraphType type, IReadOnlyList<GraphQLField> fields, ISchema schema, GraphQLDocument document, int depth)
    {
        if (ProjectionMetadata.AlwaysMembers(type) is not { } always || clrType.IsValueType || clrType.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var members = new SortedDictionary<string, Shape?>(StringComparer.Ordinal);
        foreach (string member in always)
        {
            members[member] = null;
        }

        // What is selected of each referenced object, over every field that reads it (aliases read one member twice).
        // A reference that some field reads in another way (or whose selection cannot be read) is loaded whole.
        var references = new Dictionary<string, (IObjectGraphType Type, List<GraphQLField> Fields)>(StringComparer.Ordinal);
        var whole = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            string name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            if (type.GetField(name) is not { } definition || MembersOf(definition, clrType) is not { } read)
            {
                return null;
            }

            foreach (string member in read)
            {
                members.TryAdd(member, null);
                if (!IsReference(clrType.GetProperty(member, BindingFlags.Public | BindingFlags.Instance)))
                {
                    continue;
                }

                if (depth < MaxDepth
                    && field.SelectionSet is not null
                    && SelectionProjection.Unwrap(definition.ResolvedType) is IObjectGraphType target
                    && ProjectionMetadata.AlwaysMembers(target) is not null)
                {
                    if (!references.TryGetValue(member, out var reference))
                    {
                        reference = (target, []);
                        references[member] = reference;
                    }

                    if (reference.Type == target && SelectedFields.TryCollect(field.SelectionSet, target, schema, document, reference.Fields))
                    {
                        continue;
                    }
                }

                whole.Add(member);
            }
        }

        foreach (var (member, (target, selected)) in references)
        {
            if (!whole.Contains(member))
            {
                // Null (the referenced type cannot be projected for this selection) reads the object whole, as before.
                members[member] = Of(clrType.GetProperty(member)!.PropertyType, target, selected, schema, document, depth + 1);
            }
        }

        foreach (string member in members.Keys)
        {
            if (clrType.GetProperty(member, BindingFlags.Public | BindingFlags.Instance) is not { CanWrite: true, CanRead: true })
            {
                return null;
            }
        }

        return new Shape(clrType, members);
    }

    private static string[]? MembersOf(FieldType field, Type source)
    {
        if (ProjectionMetadata.DeclaredMembers(field) is { } declared)
        {
            return declared;
        }

        // Hot Chocolate's convention: a field reads the property of its own name.
        var property = source.GetProperty(field.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } ? [property.Name] : null;
    }

    /// <summary>A single referenced object (a navigation), not a column and not a collection.</summary>
    private static bool IsReference(PropertyInfo? property) =>
        property?.PropertyType is { IsClass: true } type && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
}
