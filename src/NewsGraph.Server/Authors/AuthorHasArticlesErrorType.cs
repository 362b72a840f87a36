using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Authors;

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
