using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Introspection;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class LibrarySchema : CompleteIntrospectionSchema
{
    public LibrarySchema(IServiceProvider services, LibraryQuery query)
        : base(services)
    {
        Query = query;
        this.RegisterType<BookGraphType>();
        this.RegisterType<WriterGraphType>();
    }
}
