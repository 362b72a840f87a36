using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Auth;
using NewsGraph.Server.Tests.Filtering;

namespace NewsGraph.Server.Tests.Visibility;

/// <summary>
/// Drafts and archived articles are visible to editors only: every read path, asked anonymously, with an editor's API
/// key (both headers), an admin's key, a key without a role, and JWTs minted with the configured signing key.
/// </summary>
[Collection(AuthenticatedServer.Name)]
public sealed class EditorVisibilityTests(AuthenticatedServerFixture fixture)
{
    public static TheoryData<string> Viewers => ["anonymous", "apikey", "apikey-authorization", "admin", "norole", "jwt", "jwt-roles", "jwt-norole"];

    private async Task<IReadOnlyList<Article>> VisibleAsync(Viewer viewer)
    {
        var all = await Catalogue.AllArticlesAsync(fixture.Server);
        Assert.Contains(all, a => a.Status == ArticleStatus.Draft && a.PublishedAt is null);
        Assert.Contains(all, a => a.Status == ArticleStatus.Archived);
        return viewer.IsEditor ? all : [.. all.Where(a => a.Status == ArticleStatus.Published)];
    }

    private static string[] Sorted(IEnumerable<string> slugs) => [.. slugs.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Articles_list_and_total_count(string name)
    {
        var viewer = Viewer.ByName(name);
        var visible = await VisibleAsync(viewer);

        var response = await fixture.PostAsync(viewer, "{ articles(first: 50) { totalCount nodes { slug status } } }");

        var articles = response.SuccessfulData()["articles"]!;
        Assert.Equal(visible.Count, articles["totalCount"]!.GetValue<int>());
        Assert.Equal(Sorted(visible.Select(a => a.Slug)), Sorted(Catalogue.Strings(articles["nodes"], "slug")));
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Every_page_of_the_default_order_forwards_and_backwards(string name)
    {
        var viewer = Viewer.ByName(name);
        var visible = await VisibleAsync(viewer);
        // The documented default: newest published first; articles without a date (drafts) after them, by id.
        var expected = visible
            .OrderByDescending(a => a.PublishedAt.HasValue)
            .ThenByDescending(a => a.PublishedAt)
            .ThenByDescending(a => a.Id)
            .Select(a => a.Slug)
            .ToArray();

        var forwards = new List<string>();
        string? after = null;
        for (var page = 0; page < 50; page++)
        {
            var data = (await fixture.PostAsync(viewer,
                "query ($after: String) { articles(first: 3, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }",
                new { after })).SuccessfulData()["articles"]!;
            forwards.AddRange(Catalogue.Strings(data["nodes"], "slug"));
            if (!data["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = data["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        var backwards = new List<string>();
        string? before = null;
        for (var page = 0; page < 50; page++)
        {
            var data = (await fixture.PostAsync(viewer,
                "query ($before: String) { articles(last: 3, before: $before) { nodes { slug } pageInfo { hasPreviousPage startCursor } } }",
                new { before })).SuccessfulData()["articles"]!;
            backwards.InsertRange(0, Catalogue.Strings(data["nodes"], "slug"));
            if (!data["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }

            before = data["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, forwards);
        Assert.Equal(expected, backwards);
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Status_filters_and_null_dates(string name)
    {
        var viewer = Viewer.ByName(name);
        var visible = await VisibleAsync(viewer);

        var response = await fixture.PostAsync(viewer, """
            {
              drafts: articles(where: { status: { eq: DRAFT } }, first: 50) { totalCount nodes { slug } }
              archived: articles(where: { status: { eq: ARCHIVED } }, first: 50) { totalCount nodes { slug } }
              unpublished: articles(where: { status: { neq: PUBLISHED } }, first: 50) { totalCount }
              noDate: articles(where: { publishedAt: { eq: null } }, first: 50) { totalCount }
            }
            """);

        var data = response.SuccessfulData();
        var drafts = visible.Where(a => a.Status == ArticleStatus.Draft).ToArray();
        var archived = visible.Where(a => a.Status == ArticleStatus.Archived).ToArray();
        Assert.Equal(Sorted(drafts.Select(a => a.Slug)), Sorted(Catalogue.Strings(data["drafts"]!["nodes"], "slug")));
        Assert.Equal(drafts.Length, data["drafts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Sorted(archived.Select(a => a.Slug)), Sorted(Catalogue.Strings(data["archived"]!["nodes"], "slug")));
        Assert.Equal(archived.Length, data["archived"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(drafts.Length + archived.Length, data["unpublished"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(visible.Count(a => a.PublishedAt is null), data["noDate"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(viewer.IsEditor, drafts.Length > 0 && archived.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Lookups_node_and_nodes(string name)
    {
        var viewer = Viewer.ByName(name);
        var all = await Catalogue.AllArticlesAsync(fixture.Server);
        var hidden = all.Where(a => a.Status != ArticleStatus.Published).ToArray();
        var ids = hidden.Select(a => Catalogue.GlobalId("Article", a.Id)).ToArray();

        var nodes = (await fixture.PostAsync(viewer, "query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { slug status } } }", new { ids }))
            .SuccessfulData()["nodes"]!.AsArray();
        Assert.Equal(hidden.Length, nodes.Count);
        for (var i = 0; i < hidden.Length; i++)
        {
            if (viewer.IsEditor)
            {
                Assert.Equal(hidden[i].Slug, (string?)nodes[i]!["slug"]);
            }
            else
            {
                Assert.Null(nodes[i]);
            }
        }

        foreach (var article in hidden)
        {
            var data = (await fixture.PostAsync(viewer,
                "query ($id: ID!, $slug: String!) { article(id: $id) { slug } articleBySlug(slug: $slug) { slug } node(id: $id) { ... on Article { slug } } }",
                new { id = Catalogue.GlobalId("Article", article.Id), slug = article.Slug })).SuccessfulData();
            foreach (var field in new[] { "article", "articleBySlug", "node" })
            {
                if (viewer.IsEditor)
                {
                    Assert.Equal(article.Slug, (string?)data[field]!["slug"]);
                }
                else
                {
                    Assert.Null(data[field]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Author_and_category_connections(string name)
    {
        var viewer = Viewer.ByName(name);
        var visible = await VisibleAsync(viewer);

        var response = await fixture.PostAsync(viewer, """
            {
              authors(first: 50) { nodes { slug articles(first: 50) { totalCount nodes { slug } } } }
              categories(first: 50) { nodes { slug
                all: articles(first: 50) { totalCount nodes { slug } }
                own: articles(first: 50, includeSubcategories: false) { totalCount nodes { slug } } } }
            }
            """);

        var data = response.SuccessfulData();
        foreach (var author in data["authors"]!["nodes"]!.AsArray())
        {
            var slug = (string)author!["slug"]!;
            var expected = Sorted(visible.Where(a => a.Author.Slug == slug).Select(a => a.Slug));
            Assert.Equal(expected, Sorted(Catalogue.Strings(author["articles"]!["nodes"], "slug")));
            Assert.Equal(expected.Length, author["articles"]!["totalCount"]!.GetValue<int>());
        }

        foreach (var category in data["categories"]!["nodes"]!.AsArray())
        {
            var slug = (string)category!["slug"]!;
            var own = Sorted(visible.Where(a => a.Category.Slug == slug).Select(a => a.Slug));
            var all = Sorted(visible.Where(a => a.Category.Slug == slug || a.Category.Parent?.Slug == slug).Select(a => a.Slug));
            Assert.Equal(own, Sorted(Catalogue.Strings(category["own"]!["nodes"], "slug")));
            Assert.Equal(own.Length, category["own"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(all, Sorted(Catalogue.Strings(category["all"]!["nodes"], "slug")));
            Assert.Equal(all.Length, category["all"]!["totalCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Nested_connections_of_an_editor_page_through_drafts()
    {
        // The author with a draft (NULL publishedAt): one article per page, all the way, as an editor.
        var all = await Catalogue.AllArticlesAsync(fixture.Server);
        var author = all.First(a => a.Status == ArticleStatus.Draft).Author.Slug;
        var expected = all.Where(a => a.Author.Slug == author)
            .OrderByDescending(a => a.PublishedAt.HasValue).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Slug).ToArray();

        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 50; page++)
        {
            var data = (await fixture.PostAsync(Viewer.EditorApiKey,
                "query ($slug: String!, $after: String) { authorBySlug(slug: $slug) { articles(first: 1, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } } }",
                new { slug = author, after })).SuccessfulData()["authorBySlug"]!["articles"]!;
            seen.AddRange(Catalogue.Strings(data["nodes"], "slug"));
            if (!data["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = (string?)data["pageInfo"]!["endCursor"];
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_draft_tag_list_is_visible_to_editors_only()
    {
        var draft = (await Catalogue.AllArticlesAsync(fixture.Server)).First(a => a.Status == ArticleStatus.Draft && a.Tags.Count > 0);
        const string Query = "query ($slug: String!) { tags(first: 50) { nodes { slug } } articleBySlug(slug: $slug) { tags { slug } } }";

        var editor = (await fixture.PostAsync(Viewer.EditorJwt, Query, new { slug = draft.Slug })).SuccessfulData();
        Assert.Equal(Sorted(draft.Tags.Select(t => t.Slug)), Sorted(Catalogue.Strings(editor["articleBySlug"]!["tags"], "slug")));

        var reader = (await fixture.PostAsync(Viewer.Anonymous, Query, new { slug = draft.Slug })).SuccessfulData();
        Assert.Null(reader["articleBySlug"]);
    }
}
