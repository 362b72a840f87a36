using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class LibraryQuery : ObjectGraphType
{
    public LibraryQuery(ConnectionTypeRegistry connections)
    {
        Name = "Query";
        this.AddNodeFields(maxBatchSize: 5);

        this.AddConnectionField<BookGraphType>(
            connections,
            "books",
            async context => await context.ToConnectionAsync(
                (await CreateDbContextAsync(context)).Books.AsNoTracking(),
                [SortKey.Create<Book, string>("title", b => b.Title, SortDirection.Ascending)],
                SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Ascending)),
            typeof(BookFilterInputType),
            typeof(BookSortInputType));

        this.AddConnectionField<WriterGraphType>(
            connections,
            "writers",
            async context => await context.ToConnectionAsync(
                (await CreateDbContextAsync(context)).Writers.AsNoTracking(),
                [],
                SortKey.Create<Writer, int>("id", w => w.Id, SortDirection.Ascending)),
            typeof(WriterFilterInputType),
            description: "All writers.");

        Field<DateTimeGraphType>("echoDate")
            .Argument<DateTimeGraphType>("value")
            .Resolve(context => context.GetArgument<DateTime?>("value"));
        Field<DateTimeGraphType>("unspecifiedDate")
            .Resolve(_ => new DateTime(2024, 2, 29, 23, 59, 58, 123, DateTimeKind.Unspecified).AddTicks(4567));
    }

    /// <summary>One context per resolver: GraphQL.NET runs query resolvers in parallel.</summary>
    private static async Task<LibraryDbContext> CreateDbContextAsync(IResolveFieldContext context)
    {
        var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContextAsync(context.CancellationToken);
        context.RequestServices!.GetRequiredService<DbContextTracker>().Track(db);
        return db;
    }
}
