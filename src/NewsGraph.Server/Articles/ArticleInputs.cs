using GraphQL.Types;

namespace NewsGraph.Server.Articles;

/// <summary>The fields of the article mutations' input types (<c>CreateArticleInput</c>, <c>UpdateArticleInput</c>, ...).</summary>
internal static class ArticleInputs
{
    public static void Create(InputObjectGraphType input)
    {
        input.Field<NonNullGraphType<StringGraphType>>("title").Description("At most 300 characters.");
        input.Field<StringGraphType>("summary").Description("The standfirst; at most 1,000 characters.");
        input.Field<NonNullGraphType<StringGraphType>>("body").Description("Markdown; at most 200,000 characters. Raw HTML is shown as text.");
        input.Field<NonNullGraphType<IdGraphType>>("authorId");
        input.Field<NonNullGraphType<IdGraphType>>("categoryId");
        input.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("tagIds");
        input.Field<StringGraphType>("heroImageUrl").Description("An absolute http(s) URL.");
        input.Field<StringGraphType>("canonicalUrl").Description("An absolute http(s) URL.");
        input.Field<StringGraphType>("slug").Description("Generated from the title when left out (made unique with -2, -3, ...).");
    }

    public static void Update(InputObjectGraphType input)
    {
        IdAndVersion(input);
        input.Field<StringGraphType>("title").Description("Left out: unchanged. While the article has never been published, the slug follows the title.");
        input.Field<StringGraphType>("summary").Description("Left out: unchanged; null removes the summary.");
        input.Field<StringGraphType>("body").Description("Left out: unchanged. Word count and reading time follow the body.");
        input.Field<IdGraphType>("authorId");
        input.Field<IdGraphType>("categoryId");
        input.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("tagIds").Description("Left out: unchanged; the list replaces all tags.");
        input.Field<StringGraphType>("heroImageUrl").Description("Left out: unchanged; null removes it.");
        input.Field<StringGraphType>("canonicalUrl").Description("Left out: unchanged; null removes it.");
    }

    public static void Publish(InputObjectGraphType input)
    {
        IdAndVersion(input);
        input.Field<NonNullGraphType<BooleanGraphType>>("isBreaking")
            .Description("Announce the article as breaking news (`onBreakingNews`).")
            .DefaultValue(false);
    }

    public static void IdAndVersion(InputObjectGraphType input)
    {
        input.Field<NonNullGraphType<IdGraphType>>("id");
        input.Field<NonNullGraphType<IntGraphType>>("version").Description("The `version` you read; a stale one is a ConcurrencyConflictError.");
    }
}
