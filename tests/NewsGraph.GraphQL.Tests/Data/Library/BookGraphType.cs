using GraphQL.Types;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class BookGraphType : ObjectGraphType<Book>
{
    public BookGraphType()
    {
        Name = "Book";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => NodeId.Encode("Book", context.Source.Id));
        Field(b => b.Title);
        Field(b => b.Subtitle, nullable: true);
        Field(b => b.PublishedOn, nullable: true);
        Field(b => b.Pages);
        Field(b => b.Rating, nullable: true);
        Field(b => b.IsAvailable);
        Field<NonNullGraphType<BookStatusGraphType>>("status").Resolve(context => context.Source.Status);
    }
}
