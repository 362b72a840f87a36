using GraphQL.Types;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class BookStatusGraphType : EnumerationGraphType<BookStatus>
{
    public BookStatusGraphType()
    {
        Name = "BookStatus";
    }
}
