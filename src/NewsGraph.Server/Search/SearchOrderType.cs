using GraphQL.Types;

namespace NewsGraph.Server.Search;

public sealed class SearchOrderType : EnumerationGraphType<SearchOrder>
{
    public SearchOrderType()
    {
        Name = "SearchOrder";
        Description = "How search hits are ordered.";
    }
}
