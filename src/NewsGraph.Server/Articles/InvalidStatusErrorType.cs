using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

public sealed class InvalidStatusErrorType : ErrorGraphType<InvalidStatusError>
{
    public InvalidStatusErrorType()
        : base("InvalidStatusError", "The action is not allowed in the article's current status.")
    {
        Field<NonNullGraphType<ArticleStatusType>, ArticleStatus>("status").Resolve(ctx => ctx.Source.Status);
    }
}
