using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Projection;
using NewsGraph.GraphQL.DataLoading;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Authors;

public sealed class AuthorType : ObjectGraphType<Author>
{
    public const string TypeName = "Author";

    public AuthorType(ConnectionTypeRegistry connections)
    {
        Name = TypeName;
        Description = "A writer of articles.";
        Interface<NodeInterfaceType>();
        // An article's author is read in the article's statement with just the selected columns.
        this.ProjectWith(nameof(Author.Id), nameof(Author.Slug));

        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => NodeId.Encode(TypeName, ctx.Source.Id));
        Field(a => a.Slug);
        Field(a => a.Name);
        Field(a => a.Bio, nullable: true);
        Field(a => a.AvatarUrl, nullable: true);

        this.AddConnectionField<ArticleType>(
            connections,
            "articles",
            // Returning the pending loader result (not awaiting it) lets the engine batch all authors of the page.
            ctx => Task.FromResult<object?>(ctx.Loader<ArticlesByAuthorIdDataLoader>()
                .LoadAsync(((Author)ctx.Source!).Id, ctx.GetConnectionRequest(ArticleOrder.NewestFor(ctx.IncludesUnpublished()), ArticleOrder.ById))),
            typeof(ArticleFilterInputType),
            typeof(ArticleSortInputType),
            "The author's published articles, newest first unless `order` says otherwise.")
            .Projects(nameof(Author.Id));
    }
}
