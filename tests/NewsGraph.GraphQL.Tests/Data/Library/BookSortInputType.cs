using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class BookSortInputType : SortInputType<Book>
{
    public BookSortInputType()
        : base("BookSortInput")
    {
        Field("id", b => b.Id);
        Field("title", b => b.Title);
        Field("publishedOn", b => b.PublishedOn);
        Field("pages", b => b.Pages);
        Field("rating", b => b.Rating);
        Field("status", b => b.Status);
        ObjectField<WriterSortInputType, Writer>("writer", b => b.Writer!);
    }
}
