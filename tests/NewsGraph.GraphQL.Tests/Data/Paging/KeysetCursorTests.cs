using GraphQL;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.GraphQL.Tests.Data.Library;

namespace NewsGraph.GraphQL.Tests.Data.Paging;

public sealed class KeysetCursorTests
{
    private static readonly IReadOnlyList<SortKey<Book>> Order =
    [
        SortKey.Create<Book, DateTime?>("publishedOn", b => b.PublishedOn, SortDirection.Descending),
        SortKey.Create<Book, string>("title", b => b.Title, SortDirection.Ascending),
        SortKey.Create<Book, int?>("rating", b => b.Rating, SortDirection.Ascending),
        SortKey.Create<Book, BookStatus>("status", b => b.Status, SortDirection.Ascending),
        SortKey.Create<Book, bool>("isAvailable", b => b.IsAvailable, SortDirection.Ascending),
        SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Ascending),
    ];

    [Fact]
    public void RoundTripsValuesExactly()
    {
        var cursor = new KeysetCursor<Book>(Order);
        var published = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567);
        object?[] values = [published, "Ünïcödé :\"\\ 🚀", null, BookStatus.OutOfPrint, true, int.MinValue];

        var decoded = cursor.Decode(cursor.Encode(values));

        Assert.Equal(values, decoded);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)decoded[0]!).Kind);
        Assert.Equal(published.Ticks, ((DateTime)decoded[0]!).Ticks);
        Assert.IsType<BookStatus>(decoded[3]);
    }

    [Fact]
    public void RejectsCursorsOfAnotherOrderingOrType()
    {
        var cursor = new KeysetCursor<Book>(Order).Encode([null, "a", 1, BookStatus.Draft, false, 1]);
        var reversed = new KeysetCursor<Book>(KeysetQuery.Reverse(Order));
        var otherType = new KeysetCursor<Writer>(
        [
            SortKey.Create<Writer, DateTime?>("publishedOn", w => w.BornOn, SortDirection.Descending),
            SortKey.Create<Writer, string>("title", w => w.Name, SortDirection.Ascending),
            SortKey.Create<Writer, int?>("rating", w => w.Id, SortDirection.Ascending),
            SortKey.Create<Writer, int>("status", w => w.Id, SortDirection.Ascending),
            SortKey.Create<Writer, bool>("isAvailable", w => w.Id > 0, SortDirection.Ascending),
            SortKey.Create<Writer, int>("id", w => w.Id, SortDirection.Ascending),
        ]);

        Assert.Equal(PagingErrorCodes.InvalidCursor, Assert.Throws<ExecutionError>(() => reversed.Decode(cursor)).Code);
        Assert.Equal(PagingErrorCodes.InvalidCursor, Assert.Throws<ExecutionError>(() => otherType.Decode(cursor)).Code);
    }
}
