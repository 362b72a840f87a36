using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Projection;

/// <summary>
/// Declares what an object type's fields read from their source object, so a list of those objects can be loaded
/// with just the columns (and joined references) a request selects, as Hot Chocolate's <c>UseProjection</c> does.
/// A type opts in with <see cref="ProjectWith"/>; a field whose name is a settable property of the source type
/// reads that property unless it declares otherwise with <see cref="Projects{TSource, TReturn}"/>.
/// </summary>
public static class ProjectionMetadata
{
    internal const string AlwaysKey = "NewsGraph.Projection.Always";
    internal const string MembersKey = "NewsGraph.Projection.Members";

    /// <summary>
    /// Lets lists of <paramref name="type"/> be projected; <paramref name="alwaysMembers"/> are loaded whatever the
    /// selection (identity, keys that other resolvers or loaders rely on).
    /// </summary>
    public static void ProjectWith(this IObjectGraphType type, params string[] alwaysMembers)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.Metadata[AlwaysKey] = alwaysMembers;
    }

    /// <summary>The source members this field's resolver reads (properties or references to other entities).</summary>
    public static FieldBuilder<TSource, TReturn> Projects<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.Metadata[MembersKey] = members;
        return field;
    }

    /// <inheritdoc cref="Projects{TSource, TReturn}(FieldBuilder{TSource, TReturn}, string[])"/>
    public static FieldType Projects(this FieldType field, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[MembersKey] = members;
        return field;
    }

    internal static string[]? AlwaysMembers(IGraphType type) => type.GetMetadata<string[]?>(AlwaysKey);

    internal static string[]? DeclaredMembers(FieldType field) => field.GetMetadata<string[]?>(MembersKey);
}
