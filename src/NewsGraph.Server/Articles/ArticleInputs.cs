using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Articles;

// The typed inputs of the article mutations (ArticleMutations), each a record and the input type that binds it.

/// <summary>The input of <c>createArticle</c>.</summary>
public sealed record CreateArticleInput
{
    public required string Title { get; init; }

    public string? Summary { get; init; }

    public required string Body { get; init; }

    public required string AuthorId { get; init; }

    public required string CategoryId { get; init; }

    public IReadOnlyList<string>? TagIds { get; init; }

    public string? HeroImageUrl { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Slug { get; init; }
}

public sealed class CreateArticleInputType : InputObjectGraphType<CreateArticleInput>
{
    public CreateArticleInputType()
    {
        Field<NonNullGraphType<StringGraphType>>("title").Description("At most 300 characters.");
        Field<StringGraphType>("summary").Description("The standfirst; at most 1,000 characters.");
        Field<NonNullGraphType<StringGraphType>>("body").Description("Markdown; at most 200,000 characters. Raw HTML is shown as text.");
        Field<NonNullGraphType<IdGraphType>>("authorId");
        Field<NonNullGraphType<IdGraphType>>("categoryId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("tagIds");
        Field<StringGraphType>("heroImageUrl").Description("An absolute http(s) URL.");
        Field<StringGraphType>("canonicalUrl").Description("An absolute http(s) URL.");
        Field<StringGraphType>("slug").Description("Generated from the title when left out (made unique with -2, -3, ...).");
    }
}

/// <summary>The input of <c>updateArticle</c>: a field left out stays as it is, one sent as null is removed (or refused).</summary>
public sealed record UpdateArticleInput
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public Optional<string?> Title { get; init; }

    public Optional<string?> Summary { get; init; }

    public Optional<string?> Body { get; init; }

    public Optional<string?> AuthorId { get; init; }

    public Optional<string?> CategoryId { get; init; }

    /// <summary>Null (left out or sent as null) leaves the tags as they are.</summary>
    public IReadOnlyList<string>? TagIds { get; init; }

    public Optional<string?> HeroImageUrl { get; init; }

    public Optional<string?> CanonicalUrl { get; init; }
}

public sealed class UpdateArticleInputType : MutationInputGraphType<UpdateArticleInput>
{
    public UpdateArticleInputType()
    {
        ArticleVersionInputType.AddIdAndVersion(this);
        OptionalField(a => a.Title, typeof(StringGraphType)).Description("Left out: unchanged. While the article has never been published, the slug follows the title.");
        OptionalField(a => a.Summary, typeof(StringGraphType)).Description("Left out: unchanged; null removes the summary.");
        OptionalField(a => a.Body, typeof(StringGraphType)).Description("Left out: unchanged. Word count and reading time follow the body.");
        OptionalField(a => a.AuthorId, typeof(IdGraphType));
        OptionalField(a => a.CategoryId, typeof(IdGraphType));
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("tagIds").Description("Left out: unchanged; the list replaces all tags.");
        OptionalField(a => a.HeroImageUrl, typeof(StringGraphType)).Description("Left out: unchanged; null removes it.");
        OptionalField(a => a.CanonicalUrl, typeof(StringGraphType)).Description("Left out: unchanged; null removes it.");
    }
}

/// <summary>The input of <c>publishArticle</c>.</summary>
public sealed record PublishArticleInput
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public bool IsBreaking { get; init; }
}

public sealed class PublishArticleInputType : InputObjectGraphType<PublishArticleInput>
{
    public PublishArticleInputType()
    {
        ArticleVersionInputType.AddIdAndVersion(this);
        Field<NonNullGraphType<BooleanGraphType>>("isBreaking")
            .Description("Announce the article as breaking news (`onBreakingNews`).")
            .DefaultValue(false);
    }
}

/// <summary>The input of <c>scheduleArticle</c>.</summary>
public sealed record ScheduleArticleInput
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required DateTime PublishAt { get; init; }

    public bool IsBreaking { get; init; }
}

public sealed class ScheduleArticleInputType : InputObjectGraphType<ScheduleArticleInput>
{
    public ScheduleArticleInputType()
    {
        ArticleVersionInputType.AddIdAndVersion(this);
        Field<NonNullGraphType<DateTimeGraphType>>("publishAt")
            .Description("When the server publishes the article: a future instant with its offset, at most `Scheduling:MaxLeadTime` ahead (a year by default).");
        Field<NonNullGraphType<BooleanGraphType>>("isBreaking")
            .Description("Announce the article as breaking news (`onBreakingNews`) when it is published.")
            .DefaultValue(false);
    }
}

/// <summary>The article and the version the editor read: the input of <c>unpublishArticle</c>, <c>unscheduleArticle</c>, <c>archiveArticle</c> and <c>deleteArticle</c>.</summary>
public sealed record ArticleVersionInput
{
    public required string Id { get; init; }

    public required int Version { get; init; }
}

public sealed class ArticleVersionInputType : InputObjectGraphType<ArticleVersionInput>
{
    public ArticleVersionInputType() => AddIdAndVersion(this);

    /// <summary>The first fields of every input that changes an existing article.</summary>
    internal static void AddIdAndVersion<TInput>(InputObjectGraphType<TInput> input)
    {
        input.Field<NonNullGraphType<IdGraphType>>("id");
        input.Field<NonNullGraphType<IntGraphType>>("version").Description("The `version` you read; a stale one is a ConcurrencyConflictError.");
    }
}
