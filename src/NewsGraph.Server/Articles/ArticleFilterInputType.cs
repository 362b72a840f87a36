using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Articles;

public sealed class ArticleFilterInputType : FilterInputType<Article>
{
    public ArticleFilterInputType()
        : base("ArticleFilterInput")
    {
        IdField("id", a => a.Id, ArticleType.TypeName);
        Field("slug", a => a.Slug);
        Field("title", a => a.Title);
        Field("summary", a => a.Summary);
        Field("body", a => a.Body);
        EnumField<ArticleStatusType, ArticleStatus>("status", a => a.Status);
        Field("isBreaking", a => a.IsBreaking);
        Field("publishedAt", a => a.PublishedAt);
        Field("scheduledFor", a => a.ScheduledFor);
        Field("createdAt", a => a.CreatedAt);
        Field("updatedAt", a => a.UpdatedAt);
        Field("wordCount", a => a.WordCount);
        Field("readingTimeMinutes", a => a.ReadingTimeMinutes);
        ObjectField<AuthorFilterInputType, Author>("author", a => a.Author);
        ObjectField<CategoryFilterInputType, Category>("category", a => a.Category);
        ListField<TagFilterInputType, Tag>("tags", a => a.Tags);
    }
}
