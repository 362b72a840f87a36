using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class BookFilterInputType : FilterInputType<Book>
{
    public BookFilterInputType()
        : base("BookFilterInput")
    {
        IdField("id", b => b.Id, "Book");
        Field("title", b => b.Title);
        Field("subtitle", b => b.Subtitle);
        Field("publishedOn", b => b.PublishedOn);
        Field("pages", b => b.Pages);
        Field("rating", b => b.Rating);
        Field("isAvailable", b => b.IsAvailable);
        EnumField<BookStatusGraphType, BookStatus>("status", b => b.Status);
        ObjectField<WriterFilterInputType, Writer>("writer", b => b.Writer);
        ListField<LabelFilterInputType, Label>("labels", b => b.Labels);
    }
}
