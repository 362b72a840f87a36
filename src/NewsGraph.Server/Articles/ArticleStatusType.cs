using GraphQL.Types;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

public sealed class ArticleStatusType : EnumerationGraphType<ArticleStatus>
{
    public ArticleStatusType()
    {
        Name = "ArticleStatus";
        Description = "Where an article is in the publishing workflow. Readers only ever see PUBLISHED articles; a SCHEDULED one becomes PUBLISHED at its `scheduledFor`.";
    }
}
