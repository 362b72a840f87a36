using GraphQL.Types;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Security;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Schema;

/// <summary>
/// The query root. Like Hot Chocolate's <c>[QueryType]</c> classes, each feature folder contributes
/// its own root fields; this type only puts them together.
/// </summary>
public sealed class Query : ObjectGraphType
{
    public Query(ConnectionTypeRegistry connections, GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Name = "Query";
        this.AddNodeFields(limits.MaxNodesBatchSize);
        ArticleQueries.AddTo(this, connections);
        AuthorQueries.AddTo(this, connections);
        CategoryQueries.AddTo(this, connections);
        TagQueries.AddTo(this, connections);
    }
}
