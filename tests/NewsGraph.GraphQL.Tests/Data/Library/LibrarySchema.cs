using GraphQL;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class LibrarySchema : Schema
{
    public LibrarySchema(IServiceProvider services, LibraryQuery query)
        : base(services)
    {
        Query = query;
        this.RegisterType<BookGraphType>();
        this.RegisterType<WriterGraphType>();
    }
}
