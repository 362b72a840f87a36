using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.GraphQL.Tests.Data.Library;

namespace NewsGraph.GraphQL.Tests.Data.Paging;

/// <summary>Nested connections for many parents: one SQL command for the pages, one for the counts.</summary>
[Collection(LibraryDatabaseGroup.Name)]
public sealed class BatchConnectionTests(LibraryFixture library)
{
    private static readonly IReadOnlyList<SortKey<Book>> ByPagesDescending =
    [
        SortKey.Create<Book, int>("pages", b => b.Pages, SortDirection.Descending),
        SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Ascending),
    ];

    private static readonly int[] ParentIds = [1, 2, 3, 99];

    [Fact]
    public async Task PagesEveryParentInOneQuery()
    {
        await using var db = library.CreateDbContext();
        library.Recorder.Clear();

        var pages = await db.Books.AsNoTracking().ToBatchConnectionsAsync(
            b => b.WriterId!.Value, ParentIds, ByPagesDescending, new PagingArguments(3, null, null, null), new PagingOptions(), includeTotalCount: false, CancellationToken.None);

        var sql = Assert.Single(library.Recorder.Commands);
        Assert.Contains("ROW_NUMBER() OVER(PARTITION BY", sql, StringComparison.Ordinal);
        foreach (var writerId in ParentIds)
        {
            var expected = ExpectedOrder(writerId).Take(3).Select(b => b.Title);
            Assert.Equal(expected, pages[writerId].Edges.Select(e => e.Node.Title));
            Assert.Equal(ExpectedOrder(writerId).Count() > 3, pages[writerId].PageInfo.HasNextPage);
            Assert.False(pages[writerId].PageInfo.HasPreviousPage);
            Assert.Null(pages[writerId].TotalCount);
        }
    }

    [Fact]
    public async Task CountsWithOneGroupedQueryAndContinuesFromACursor()
    {
        await using var db = library.CreateDbContext();
        var first = await db.Books.AsNoTracking().ToBatchConnectionsAsync(
            b => b.WriterId!.Value, ParentIds, ByPagesDescending, new PagingArguments(2, null, null, null), new PagingOptions(), false, CancellationToken.None);
        library.Recorder.Clear();

        var second = await db.Books.AsNoTracking().ToBatchConnectionsAsync(
            b => b.WriterId!.Value, [1, 2], ByPagesDescending, new PagingArguments(2, first[1].PageInfo.EndCursor, null, null), new PagingOptions(), true, CancellationToken.None);

        Assert.Equal(2, library.Recorder.Commands.Count);
        Assert.Equal(ExpectedOrder(1).Skip(2).Take(2).Select(b => b.Title), second[1].Edges.Select(e => e.Node.Title));
        Assert.True(second[1].PageInfo.HasPreviousPage);
        Assert.Equal(ExpectedOrder(1).Count(), second[1].TotalCount);
        Assert.Equal(ExpectedOrder(2).Count(), second[2].TotalCount);
    }

    [Fact]
    public async Task PagesBackwardsPerParent()
    {
        await using var db = library.CreateDbContext();

        var pages = await db.Books.AsNoTracking().ToBatchConnectionsAsync(
            b => b.WriterId!.Value, ParentIds, ByPagesDescending, new PagingArguments(null, null, 2, null), new PagingOptions(), true, CancellationToken.None);

        foreach (var writerId in ParentIds)
        {
            Assert.Equal(ExpectedOrder(writerId).TakeLast(2).Select(b => b.Title), pages[writerId].Edges.Select(e => e.Node.Title));
            Assert.Equal(ExpectedOrder(writerId).Count(), pages[writerId].TotalCount);
        }
    }

    private IEnumerable<Book> ExpectedOrder(int writerId) =>
        library.Books.Where(b => b.Writer?.Id == writerId).OrderByDescending(b => b.Pages).ThenBy(b => b.Id);
}
