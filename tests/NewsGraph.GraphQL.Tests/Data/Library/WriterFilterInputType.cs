using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class WriterFilterInputType : FilterInputType<Writer>
{
    public WriterFilterInputType()
        : base("WriterFilterInput")
    {
        IdField("id", w => w.Id, "Writer");
        Field("name", w => w.Name);
        Field("bornOn", w => w.BornOn);
        ListField<BookFilterInputType, Book>("books", w => w.Books);
    }
}
