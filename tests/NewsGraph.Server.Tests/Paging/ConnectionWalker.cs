using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Paging;

/// <summary>One page of a connection as the client saw it.</summary>
internal sealed record Page(string[] Ids, string[] Cursors, bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor, int TotalCount);

/// <summary>
/// Pages through a connection with <c>first</c>/<c>after</c> or <c>last</c>/<c>before</c>. The document
/// declares <c>$first: Int, $after: String, $last: Int, $before: String</c> and selects
/// <see cref="Selection"/> on the connection; <c>connection</c> finds the connection in the data.
/// </summary>
internal sealed class ConnectionWalker(NewsGraphServer server, string document, Func<JsonNode, JsonNode> connection)
{
    public const string Variables = "$first: Int, $after: String, $last: Int, $before: String";
    public const string Arguments = "first: $first, after: $after, last: $last, before: $before";
    public const string Selection = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }";

    public async Task<Page> PageAsync(int? first = null, string? after = null, int? last = null, string? before = null)
    {
        // Only the arguments given: an absent one and a null one are different requests.
        var variables = new Dictionary<string, object?> { ["first"] = first, ["after"] = after, ["last"] = last, ["before"] = before }
            .Where(argument => argument.Value is not null)
            .ToDictionary();

        var response = await server.PostAsync(document, variables);
        var node = connection(response.SuccessfulData());
        var edges = node["edges"]!.AsArray();
        var pageInfo = node["pageInfo"]!;
        var page = new Page(
            [.. edges.Select(e => e!["node"]!["id"]!.GetValue<string>())],
            [.. edges.Select(e => e!["cursor"]!.GetValue<string>())],
            pageInfo["hasNextPage"]!.GetValue<bool>(),
            pageInfo["hasPreviousPage"]!.GetValue<bool>(),
            pageInfo["startCursor"]?.GetValue<string>(),
            pageInfo["endCursor"]?.GetValue<string>(),
            node["totalCount"]!.GetValue<int>());

        if (page.Ids.Length > 0)
        {
            Assert.Equal(page.Cursors[0], page.StartCursor);
            Assert.Equal(page.Cursors[^1], page.EndCursor);
        }
        else
        {
            Assert.Null(page.StartCursor);
            Assert.Null(page.EndCursor);
        }

        return page;
    }

    /// <summary>All items, first page to last, checking each page's flags and size on the way.</summary>
    public async Task<List<string>> WalkForwardAsync(int pageSize, int expectedTotal)
    {
        var ids = new List<string>();
        string? after = null;
        for (var pageNumber = 0; ; pageNumber++)
        {
            Assert.True(pageNumber <= expectedTotal, "Paging forwards does not end.");
            var page = await PageAsync(first: pageSize, after: after);
            Assert.Equal(expectedTotal, page.TotalCount);
            Assert.True(page.Ids.Length <= pageSize);
            Assert.Equal(after is not null, page.HasPreviousPage);
            ids.AddRange(page.Ids);
            if (!page.HasNextPage)
            {
                Assert.Equal(expectedTotal, ids.Count);
                return ids;
            }

            Assert.Equal(pageSize, page.Ids.Length);
            after = page.EndCursor;
        }
    }

    /// <summary>All items, last page to first (returned in forward order), checking each page on the way.</summary>
    public async Task<List<string>> WalkBackwardAsync(int pageSize, int expectedTotal)
    {
        var ids = new List<string>();
        string? before = null;
        for (var pageNumber = 0; ; pageNumber++)
        {
            Assert.True(pageNumber <= expectedTotal, "Paging backwards does not end.");
            var page = await PageAsync(last: pageSize, before: before);
            Assert.Equal(expectedTotal, page.TotalCount);
            Assert.True(page.Ids.Length <= pageSize);
            Assert.Equal(before is not null, page.HasNextPage);
            ids.InsertRange(0, page.Ids);
            if (!page.HasPreviousPage)
            {
                Assert.Equal(expectedTotal, ids.Count);
                return ids;
            }

            Assert.Equal(pageSize, page.Ids.Length);
            before = page.StartCursor;
        }
    }
}
