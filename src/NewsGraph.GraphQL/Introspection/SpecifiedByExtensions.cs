using GraphQL;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Introspection;

/// <summary>Applies and reads <c>@specifiedBy(url:)</c> on a scalar.</summary>
public static class SpecifiedByExtensions
{
    /// <summary>
    /// Marks the scalar as specified by <paramref name="url"/>: <c>__Type.specifiedByURL</c> reports it and the SDL
    /// prints <c>scalar X @specifiedBy(url: "…")</c>. The schema must be a <see cref="CompleteIntrospectionSchema"/>
    /// (it defines the directive).
    /// </summary>
    public static TScalar SpecifiedBy<TScalar>(this TScalar scalar, string url)
        where TScalar : ScalarGraphType
    {
        ArgumentNullException.ThrowIfNull(scalar);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return scalar.ApplyDirective(SpecifiedByDirective.DirectiveName, SpecifiedByDirective.UrlArgumentName, url);
    }

    /// <summary>The URL the scalar is specified by, or <see langword="null"/>.</summary>
    public static string? GetSpecifiedByUrl(this ScalarGraphType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        return scalar.FindAppliedDirective(SpecifiedByDirective.DirectiveName)
            ?.FindArgument(SpecifiedByDirective.UrlArgumentName)?.Value as string;
    }
}
