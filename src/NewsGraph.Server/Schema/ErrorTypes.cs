using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

// The object types of the shared mutation errors: each implements `Error` and adds what a client needs to react.

public sealed class ValidationErrorType : ErrorGraphType<ValidationError>
{
    public ValidationErrorType()
        : base("ValidationError", "An input field was invalid.")
    {
        Field<NonNullGraphType<StringGraphType>, string>("field")
            .Description("The input field, as named in the input type (e.g. `title`, `tagIds`).")
            .Resolve(ctx => ctx.Source.Field);
    }
}

public sealed class SlugTakenErrorType : ErrorGraphType<SlugTakenError>
{
    public SlugTakenErrorType()
        : base("SlugTakenError", "The slug is already in use.")
    {
        Field<NonNullGraphType<StringGraphType>, string>("slug").Resolve(ctx => ctx.Source.Slug);
    }
}

public sealed class NotFoundErrorType : ErrorGraphType<NotFoundError>
{
    public NotFoundErrorType()
        : base("NotFoundError", "Nothing has the given ID.")
    {
        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => ctx.Source.Id);
    }
}

public sealed class ConcurrencyConflictErrorType : ErrorGraphType<ConcurrencyConflictError>
{
    public ConcurrencyConflictErrorType()
        : base("ConcurrencyConflictError", "Someone else changed the entity since you read it; nothing was written.")
    {
        Field<NonNullGraphType<IntGraphType>, int>("currentVersion")
            .Description("The version now stored: read the entity again, reapply the change and send this version.")
            .Resolve(ctx => ctx.Source.CurrentVersion);
    }
}

public sealed class InvalidStatusErrorType : ErrorGraphType<InvalidStatusError>
{
    public InvalidStatusErrorType()
        : base("InvalidStatusError", "The action is not allowed in the article's current status.")
    {
        Field<NonNullGraphType<ArticleStatusType>, ArticleStatus>("status").Resolve(ctx => ctx.Source.Status);
    }
}

public sealed class CategoryCycleErrorType : ErrorGraphType<CategoryCycleError>
{
    public CategoryCycleErrorType()
        : base("CategoryCycleError", "The new parent would make the category its own ancestor.")
    {
    }
}

public sealed class AuthorHasArticlesErrorType : ErrorGraphType<AuthorHasArticlesError>
{
    public AuthorHasArticlesErrorType()
        : base("AuthorHasArticlesError", "The author still has articles; reassign or delete them first. Nothing was deleted.")
    {
        Field<NonNullGraphType<IntGraphType>, int>("articleCount")
            .Description("How many articles (of any status) the author has.")
            .Resolve(ctx => ctx.Source.ArticleCount);
    }
}

public sealed class CategoryNotEmptyErrorType : ErrorGraphType<CategoryNotEmptyError>
{
    public CategoryNotEmptyErrorType()
        : base("CategoryNotEmptyError", "The category still has articles or subcategories; move them first. Nothing was deleted.")
    {
        Field<NonNullGraphType<IntGraphType>, int>("articleCount")
            .Description("How many articles (of any status) are filed directly in the category.")
            .Resolve(ctx => ctx.Source.ArticleCount);
        Field<NonNullGraphType<IntGraphType>, int>("childCount")
            .Description("How many subcategories the category has.")
            .Resolve(ctx => ctx.Source.ChildCount);
    }
}
