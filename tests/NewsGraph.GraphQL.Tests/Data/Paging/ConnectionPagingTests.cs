using System.Text.Json;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Tests.Data.Library;

namespace NewsGraph.GraphQL.Tests.Data.Paging;

/// <summary>Keyset paging through real GraphQL documents: every page forwards and backwards equals the full ordering.</summary>
[Collection(LibraryDatabaseGroup.Name)]
public sealed class ConnectionPagingTests(LibraryFixture library)
{
    public static TheoryData<string, Func<IEnumerable<Book>, IEnumerable<Book>>> Orderings => new()
    {
        { "null", books => books.OrderBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id) },
        { "[{ pages: DESC }]", books => books.OrderByDescending(b => b.Pages).ThenBy(b => b.Id) },
        { "[{ pages: ASC }, { title: DESC }]", books => books.OrderBy(b => b.Pages).ThenByDescending(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id) },
        { "[{ rating: ASC }]", books => books.OrderBy(b => b.Rating).ThenBy(b => b.Id) },
        { "[{ rating: DESC }, { pages: ASC }]", books => books.OrderByDescending(b => b.Rating).ThenBy(b => b.Pages).ThenBy(b => b.Id) },
        { "[{ publishedOn: DESC }]", books => books.OrderByDescending(b => b.PublishedOn).ThenBy(b => b.Id) },
        { "[{ publishedOn: ASC }]", books => books.OrderBy(b => b.PublishedOn).ThenBy(b => b.Id) },
        { "[{ writer: { name: ASC } }, { pages: DESC }]", books => books.OrderBy(b => b.Writer?.Name, StringComparer.Ordinal).ThenByDescending(b => b.Pages).ThenBy(b => b.Id) },
        { "[{ status: DESC }, { id: DESC }]", books => books.OrderByDescending(b => b.Status).ThenByDescending(b => b.Id) },
        { "[{ writer: { bornOn: DESC } }, { title: ASC }]", books => books.OrderByDescending(b => b.Writer?.BornOn).ThenBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id) },

        // GraphQL.NET coerces an input object in the type's field order, so keys inside ONE element follow the sort input's declaration order.
        { "[{ writer: { bornOn: DESC }, pages: ASC }]", books => books.OrderBy(b => b.Pages).ThenByDescending(b => b.Writer?.BornOn).ThenBy(b => b.Id) },
    };

    [Theory]
    [MemberData(nameof(Orderings))]
    public async Task WalksAllPagesForwards(string order, Func<IEnumerable<Book>, IEnumerable<Book>> expected)
    {
        var titles = new List<string>();
        string? after = null;
        for (var pageNumber = 0; ; pageNumber++)
        {
            var page = await PageAsync($"order: {order}, first: 4" + (after is null ? string.Empty : $", after: \"{after}\""));
            Assert.Equal(after is not null, page.HasPreviousPage);
            titles.AddRange(page.Titles);
            if (!page.HasNextPage)
            {
                break;
            }

            Assert.Equal(4, page.Titles.Count);
            Assert.Equal(page.Cursors[^1], page.EndCursor);
            after = page.EndCursor;
        }

        Assert.Equal(expected(library.Books).Select(b => b.Title), titles);
    }

    [Theory]
    [MemberData(nameof(Orderings))]
    public async Task WalksAllPagesBackwards(string order, Func<IEnumerable<Book>, IEnumerable<Book>> expected)
    {
        var titles = new List<string>();
        string? before = null;
        while (true)
        {
            var page = await PageAsync($"order: {order}, last: 3" + (before is null ? string.Empty : $", before: \"{before}\""));
            Assert.Equal(before is not null, page.HasNextPage);
            titles.InsertRange(0, page.Titles);
            if (!page.HasPreviousPage)
            {
                break;
            }

            Assert.Equal(page.Cursors[0], page.StartCursor);
            before = page.StartCursor;
        }

        Assert.Equal(expected(library.Books).Select(b => b.Title), titles);
    }

    [Fact]
    public async Task AfterAndBeforeTogetherSelectTheRowsBetween()
    {
        var all = await PageAsync("order: [{ pages: DESC }], first: 20");

        var between = await PageAsync($"order: [{{ pages: DESC }}], after: \"{all.Cursors[3]}\", before: \"{all.Cursors[9]}\"");

        Assert.Equal(all.Titles[4..9], between.Titles);
    }

    [Fact]
    public async Task DefaultsToTenItemsAndZeroIsAnEmptyPage()
    {
        Assert.Equal(10, (await PageAsync("order: null")).Titles.Count);

        var empty = await PageAsync("first: 0");
        Assert.Empty(empty.Titles);
        Assert.True(empty.HasNextPage);
        Assert.Null(empty.EndCursor);
    }

    [Fact]
    public async Task CountsOnlyWhenTotalCountIsSelected()
    {
        library.Recorder.Clear();
        var (_, json) = await library.ExecuteAsync("{ books(first: 2, where: { pages: { gte: 300 } }) { totalCount nodes { title } } }");
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal(library.Books.Count(b => b.Pages >= 300), document.RootElement.GetProperty("data").GetProperty("books").GetProperty("totalCount").GetInt32());
        }

        Assert.Equal(2, library.Recorder.Commands.Count);
        Assert.Contains(library.Recorder.Commands, sql => sql.Contains("COUNT(*)", StringComparison.Ordinal));

        library.Recorder.Clear();
        await PageAsync("first: 2");
        Assert.Single(library.Recorder.Commands);
        Assert.DoesNotContain(library.Recorder.Commands, sql => sql.Contains("COUNT(*)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaxPageSizeErrorHasHotChocolatesShape()
    {
        var (_, json) = await library.ExecuteAsync("{ books(first: 51) { nodes { title } } }");

        using var document = JsonDocument.Parse(json);
        var error = Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("The maximum allowed items per page were exceeded.", error.GetProperty("message").GetString());
        Assert.Equal("""["books"]""", error.GetProperty("path").GetRawText());
        Assert.Equal(
            """{"code":"HC0051","coordinate":"Query.books","requestedItems":51,"maxAllowedItems":50}""",
            error.GetProperty("extensions").GetRawText());
        Assert.Equal("""{"books":null}""", document.RootElement.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("last: 51", "HC0051")]
    [InlineData("first: -1", PagingErrorCodes.NegativeCount)]
    [InlineData("last: -5", PagingErrorCodes.NegativeCount)]
    [InlineData("first: 2, last: 2", PagingErrorCodes.FirstAndLast)]
    [InlineData("after: \"not base64!\"", PagingErrorCodes.InvalidCursor)]
    [InlineData("before: \"dGVzdA==\"", PagingErrorCodes.InvalidCursor)]
    [InlineData("after: \"\"", PagingErrorCodes.InvalidCursor)]
    [InlineData("after: \"WyJ4eXoiLCAxXQ==\"", PagingErrorCodes.InvalidCursor)]
    public async Task InvalidArgumentsAreClearErrors(string arguments, string code)
    {
        var (result, json) = await library.ExecuteAsync($"{{ books({arguments}) {{ nodes {{ title }} }} }}");

        var error = Assert.Single(result.Errors!);
        Assert.Equal(code, error.Code);
        Assert.DoesNotContain("Error trying to resolve", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsForeignAndTruncatedCursors()
    {
        var byPages = await PageAsync("order: [{ pages: DESC }], first: 3");
        var writers = await library.ExecuteAsync("{ writers(first: 1) { edges { cursor } } }");
        using var document = JsonDocument.Parse(writers.Json);
        var writerCursor = document.RootElement.GetProperty("data").GetProperty("writers").GetProperty("edges")[0].GetProperty("cursor").GetString();

        foreach (var (order, cursor) in new[] { ("null", byPages.EndCursor!), ("[{ pages: ASC }]", byPages.EndCursor!), ("null", writerCursor!), ("[{ pages: DESC }]", byPages.EndCursor![..^4]) })
        {
            var (result, _) = await library.ExecuteAsync($"{{ books(order: {order}, after: \"{cursor}\") {{ nodes {{ title }} }} }}");
            var error = Assert.Single(result.Errors!);
            Assert.Equal(PagingErrorCodes.InvalidCursor, error.Code);
        }
    }

    private async Task<Page> PageAsync(string arguments)
    {
        var (result, json) = await library.ExecuteAsync(
            $"{{ books({arguments}) {{ edges {{ cursor node {{ title }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
        Assert.True(result.Errors is null, json);
        using var document = JsonDocument.Parse(json);
        var books = document.RootElement.GetProperty("data").GetProperty("books");
        var edges = books.GetProperty("edges").EnumerateArray().ToList();
        var pageInfo = books.GetProperty("pageInfo");
        return new Page(
            edges.Select(e => e.GetProperty("node").GetProperty("title").GetString()!).ToList(),
            edges.Select(e => e.GetProperty("cursor").GetString()!).ToList(),
            pageInfo.GetProperty("hasNextPage").GetBoolean(),
            pageInfo.GetProperty("hasPreviousPage").GetBoolean(),
            pageInfo.GetProperty("startCursor").GetString(),
            pageInfo.GetProperty("endCursor").GetString());
    }

    private sealed record Page(List<string> Titles, List<string> Cursors, bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
}
