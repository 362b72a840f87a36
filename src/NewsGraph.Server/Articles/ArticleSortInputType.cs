using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

public sealed class ArticleSortInputType : SortInputType<Article>
{
    public ArticleSortInputType()
        : base("ArticleSortInput")
    {
        Field("id", a => a.Id);
        Field("title", a => a.Title);
        Field("publishedAt", a => a.PublishedAt);
        Field("scheduledFor", a => a.ScheduledFor);
        Field("createdAt", a => a.CreatedAt);
        Field("updatedAt", a => a.UpdatedAt);
        Field("wordCount", a => a.WordCount);
        ObjectField<AuthorSortInputType, Author>("author", a => a.Author);
        ObjectField<CategorySortInputType, Category>("category", a => a.Category);
    }
}
