using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Introspection;

namespace NewsGraph.GraphQL.Tests.Introspection;

/// <summary>
/// A small <see cref="CompleteIntrospectionSchema"/> with what the news schema lacks: a OneOf input object, a deprecated
/// argument, input field and directive argument, and a scalar specified by a URL.
/// </summary>
public sealed class IntrospectionTestSchema : CompleteIntrospectionSchema
{
    public const string SpecificationUrl = "https://example.org/specs/colour";

    public IntrospectionTestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new PetQuery();
        Directives.Register(new CacheDirective());
    }
}

/// <summary><c>input PetInput @oneOf { cat: CatInput, dog: String }</c>: exactly one field, never null.</summary>
internal sealed class PetInputGraphType : InputObjectGraphType
{
    public PetInputGraphType()
    {
        Name = "PetInput";
        IsOneOf = true;
        Field<CatInputGraphType>("cat");
        Field<StringGraphType>("dog");
    }
}

internal sealed class CatInputGraphType : InputObjectGraphType
{
    public CatInputGraphType()
    {
        Name = "CatInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("nickname").DeprecationReason("Use name.");
    }
}

internal sealed class ColourGraphType : StringGraphType
{
    public ColourGraphType()
    {
        Name = "Colour";
        this.SpecifiedBy(IntrospectionTestSchema.SpecificationUrl);
    }
}

internal sealed class PetQuery : ObjectGraphType
{
    public PetQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("pet")
            .Argument<NonNullGraphType<PetInputGraphType>>("by")
            .Resolve(context =>
            {
                var by = context.GetArgument<Dictionary<string, object?>>("by");
                return by.TryGetValue("cat", out var cat) && cat is Dictionary<string, object?> fields
                    ? $"cat {fields["name"]}"
                    : $"dog {by["dog"]}";
            });
        Field<ColourGraphType>("colour")
            .Argument<StringGraphType>("shade")
            .Argument<StringGraphType>("tint", argument => argument.DeprecationReason = "Use shade.")
            .Resolve(context => context.GetArgument<string?>("shade") ?? context.GetArgument<string?>("tint") ?? "red");
    }
}

/// <summary><c>directive @cache(maxAge: Int, seconds: Int @deprecated) on FIELD</c>.</summary>
internal sealed class CacheDirective : Directive
{
    public CacheDirective()
        : base("cache", DirectiveLocation.Field)
    {
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "maxAge" },
            new QueryArgument<IntGraphType> { Name = "seconds", DeprecationReason = "Use maxAge." });
    }
}
