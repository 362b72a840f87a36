using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Introspection;

/// <summary>
/// <c>directive @oneOf on INPUT_OBJECT</c>. GraphQL.NET 8.8.5 validates OneOf input objects
/// (<see cref="IInputObjectGraphType.IsOneOf"/>) and prints <c>@oneOf</c> on them, but defines no directive, so
/// <c>__schema.directives</c> and the printed SDL lack it. <see cref="CompleteIntrospectionSchema"/> registers it when
/// an input object is OneOf, as Hot Chocolate 15 does (it keeps only the type system directives it uses).
/// </summary>
public sealed class OneOfDirective : Directive
{
    public const string DirectiveName = "oneOf";

    public OneOfDirective()
        : base(DirectiveName, DirectiveLocation.InputObject)
    {
        Description = "The `@oneOf` directive is used within the type system definition language to indicate that an Input Object is a OneOf Input Object.";
    }

    /// <summary>A type system directive, listed by introspection as the spec's built-in directives are.</summary>
    public override bool? Introspectable => true;
}
