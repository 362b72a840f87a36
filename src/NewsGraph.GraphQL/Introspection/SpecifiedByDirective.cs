using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Introspection;

/// <summary>
/// <c>directive @specifiedBy(url: String!) on SCALAR</c> (October 2021 spec), with Hot Chocolate's descriptions.
/// GraphQL.NET 8.8.5 does not define it; <see cref="CompleteIntrospectionSchema"/> registers it when a scalar applies
/// it (<see cref="SpecifiedByExtensions.SpecifiedBy"/>), as Hot Chocolate 15 keeps only the type system directives
/// it uses.
/// </summary>
public sealed class SpecifiedByDirective : Directive
{
    public const string DirectiveName = "specifiedBy";
    public const string UrlArgumentName = "url";

    public SpecifiedByDirective()
        : base(DirectiveName, DirectiveLocation.Scalar)
    {
        Description = "The `@specifiedBy` directive is used within the type system definition language to provide a URL for specifying the behavior of custom scalar definitions.";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
        {
            Name = UrlArgumentName,
            Description = "The specifiedBy URL points to a human-readable specification. This field will only read a result for scalar types.",
        });
    }

    /// <summary>A type system directive, listed by introspection as the spec's built-in directives are.</summary>
    public override bool? Introspectable => true;
}
