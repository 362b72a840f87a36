using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Server.Tests.Mutations;

/// <summary>
/// The category mutations through HTTP against the real server: each mutation, each error type, re-parenting
/// without cycles, and that bad input writes nothing.
/// </summary>
public sealed class CategoryMutationTests : IAsyncLifetime
{
    private const string Payload = "category { id slug name description position parent { id } } errors { __typename ... on Error { message } ... on ValidationError { field } ... on SlugTakenError { slug } ... on NotFoundError { id } }";
    private const string UpdatePayload = "category { id slug name description position parent { id } } errors { __typename ... on Error { message } ... on ValidationError { field } ... on NotFoundError { id } }";
    private const string DeletePayload = "category { id slug } errors { __typename ... on Error { message } ... on NotFoundError { id } ... on CategoryNotEmptyError { articleCount childCount } }";

    private EditorServer _editor = null!;

    public async Task InitializeAsync() => _editor = await EditorServer.StartAsync();

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task Categories_are_created_under_parents_edited_and_deleted()
    {
        var root = await CreateAsync(new { name = "Science & Tech", description = "All of it." });
        Assert.Null(root["errors"]);
        Assert.Equal("science-and-tech", (string?)root["category"]!["slug"]);
        Assert.Null(root["category"]!["parent"]);
        var rootId = (string)root["category"]!["id"]!;

        var child = await CreateAsync(new { name = "Space", parentId = rootId, position = 4 });
        Assert.Null(child["errors"]);
        Assert.Equal(rootId, (string?)child["category"]!["parent"]!["id"]);
        Assert.Equal(4, (int?)child["category"]!["position"]);
        var childId = (string)child["category"]!["id"]!;

        // Without a position a category goes after its siblings.
        var next = await CreateAsync(new { name = "Robots", parentId = rootId });
        Assert.Equal(5, (int?)next["category"]!["position"]);

        var updated = await UpdateAsync(new { id = childId, name = "Outer Space", description = "Rockets.", position = 1, parentId = (string?)null });
        Assert.Null(updated["errors"]);
        var category = updated["category"]!;
        Assert.Equal("Outer Space", (string?)category["name"]);
        Assert.Equal("space", (string?)category["slug"]);
        Assert.Equal("Rockets.", (string?)category["description"]);
        Assert.Equal(1, (int?)category["position"]);
        Assert.Null(category["parent"]);

        var reparented = await UpdateAsync(new { id = childId, parentId = (string)next["category"]!["id"]! });
        Assert.Null(reparented["errors"]);
        Assert.Equal((string?)next["category"]!["id"], (string?)reparented["category"]!["parent"]!["id"]);
        Assert.Equal("Rockets.", (string?)reparented["category"]!["description"]);

        var deleted = await DeleteAsync(childId);
        Assert.Null(deleted["errors"]);
        Assert.False(await _editor.DatabaseAsync(db => db.Categories.AnyAsync(c => c.Slug == "space")));
        var again = await DeleteAsync(childId);
        var notFound = Assert.Single(again["errors"]!.AsArray())!;
        Assert.Equal("NotFoundError", (string?)notFound["__typename"]);
        Assert.Equal(childId, (string?)notFound["id"]);
        Assert.Equal("NotFoundError", (string?)(await UpdateAsync(new { id = childId, name = "Ghost" }))["errors"]![0]!["__typename"]);
    }

    [Theory]
    [InlineData("self")]
    [InlineData("child")]
    [InlineData("grandchild")]
    public async Task Re_parenting_into_the_own_subtree_is_a_cycle_error_and_changes_nothing(string target)
    {
        var a = await CreateIdAsync(new { name = "Cycle A " + target });
        var b = await CreateIdAsync(new { name = "Cycle B " + target, parentId = a });
        var c = await CreateIdAsync(new { name = "Cycle C " + target, parentId = b });
        var newParent = target switch { "self" => a, "child" => b, _ => c };
        var before = await SnapshotAsync();

        var payload = await UpdateAsync(new { id = a, parentId = newParent, name = "Renamed" });

        Assert.Null(payload["category"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("CategoryCycleError", (string?)error["__typename"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.Equal(before, await SnapshotAsync());

        // Moving a descendant up under an ancestor is no cycle.
        var fine = await UpdateAsync(new { id = c, parentId = a });
        Assert.Null(fine["errors"]);
    }

    [Fact]
    public async Task Unknown_parents_are_not_found_and_wrong_id_types_are_graphql_errors()
    {
        var missing = NodeId.Encode("Category", 999_999);
        var before = await SnapshotAsync();

        var created = await CreateAsync(new { name = "Orphan", parentId = missing });
        var error = Assert.Single(created["errors"]!.AsArray())!;
        Assert.Equal("NotFoundError", (string?)error["__typename"]);
        Assert.Equal(missing, (string?)error["id"]);

        var existing = await _editor.FirstIdAsync("categories");
        var updated = await UpdateAsync(new { id = existing, parentId = missing });
        Assert.Equal("NotFoundError", (string?)updated["errors"]![0]!["__typename"]);
        Assert.Equal(missing, (string?)updated["errors"]![0]!["id"]);

        var authorId = await _editor.FirstIdAsync("authors");
        var wrongParent = await _editor.EditAsync("mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id } } }",
            new { input = new { name = "Wrong", parentId = authorId } });
        Assert.Equal("NODE_ID_WRONG_TYPE", wrongParent.SingleErrorCode());
        Assert.Contains("Category", (string?)wrongParent.Errors![0]!["message"], StringComparison.Ordinal);
        var wrongId = await _editor.EditAsync("mutation($input: DeleteCategoryInput!) { deleteCategory(input: $input) { category { id } } }",
            new { input = new { id = authorId } });
        Assert.Equal("NODE_ID_WRONG_TYPE", wrongId.SingleErrorCode());

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_duplicate_slug_is_a_slug_taken_error()
    {
        var before = await SnapshotAsync();

        var taken = await CreateAsync(new { name = "Another News", slug = "news" });

        var error = Assert.Single(taken["errors"]!.AsArray())!;
        Assert.Equal("SlugTakenError", (string?)error["__typename"]);
        Assert.Equal("news", (string?)error["slug"]);
        Assert.Equal(before, await SnapshotAsync());
    }

    public static TheoryData<string, string> InvalidCreateInputs() => new()
    {
        { """{"name": ""}""", "name" },
        { """{"name": "  "}""", "name" },
        { """{"name": "NAME201"}""", "name" },
        { """{"name": "Ok", "slug": "UPPER"}""", "slug" },
        { """{"name": "Ok", "description": "DESC1001"}""", "description" },
        { """{"name": "Ok", "position": -1}""", "position" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreateInputs))]
    public async Task Invalid_input_is_a_validation_error_naming_the_field_and_writes_nothing(string json, string field)
    {
        var before = await SnapshotAsync();

        var created = await CreateAsync(JsonNode.Parse(json
            .Replace("NAME201", new string('n', 201), StringComparison.Ordinal)
            .Replace("DESC1001", new string('d', 1001), StringComparison.Ordinal))!);

        Assert.Null(created["category"]);
        var error = Assert.Single(created["errors"]!.AsArray())!;
        Assert.Equal("ValidationError", (string?)error["__typename"]);
        Assert.Equal(field, (string?)error["field"]);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Invalid_updates_are_validation_errors_and_change_nothing()
    {
        var id = await _editor.FirstIdAsync("categories");
        var before = await SnapshotAsync();

        var payload = await UpdateAsync(new { id, name = "", position = (int?)null });

        Assert.Null(payload["category"]);
        Assert.Equal(["name", "position"], payload["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Categories_with_articles_or_subcategories_are_not_deleted()
    {
        var (withArticles, articleCount) = await _editor.DatabaseAsync(async db =>
        {
            var row = await db.Articles.GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
            return (row.Key, row.Count);
        });
        var parent = await CreateIdAsync(new { name = "Parent Only" });
        await CreateIdAsync(new { name = "Child Only", parentId = parent });
        var before = await SnapshotAsync();

        var articles = await DeleteAsync(NodeId.Encode("Category", withArticles));
        var articleError = Assert.Single(articles["errors"]!.AsArray())!;
        Assert.Equal("CategoryNotEmptyError", (string?)articleError["__typename"]);
        Assert.Equal(articleCount, (int?)articleError["articleCount"]);

        var children = await DeleteAsync(parent);
        var childError = Assert.Single(children["errors"]!.AsArray())!;
        Assert.Equal("CategoryNotEmptyError", (string?)childError["__typename"]);
        Assert.Equal(0, (int?)childError["articleCount"]);
        Assert.Equal(1, (int?)childError["childCount"]);

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(articleCount, await _editor.DatabaseAsync(db => db.Articles.CountAsync(a => a.CategoryId == withArticles)));
    }

    [Theory]
    [InlineData("createCategory", "CreateCategoryInput", """{"name": "Anonymous"}""")]
    [InlineData("updateCategory", "UpdateCategoryInput", """{"id": "NEW", "name": "Anonymous", "parentId": null}""")]
    [InlineData("deleteCategory", "DeleteCategoryInput", """{"id": "NEW"}""")]
    public async Task A_mutation_without_credentials_is_refused_and_writes_nothing(string field, string inputType, string json)
    {
        var fresh = await CreateIdAsync(new { name = "Deletable " + field });
        var before = await SnapshotAsync();

        var response = await _editor.Server.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ category {{ id }} }} }}",
            new { input = JsonNode.Parse(json.Replace("NEW", fresh, StringComparison.Ordinal)) });

        Assert.NotNull(response.Errors);
        Assert.True(response.Data?[field] is null, response.Text);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Every category row as text, to compare before and after a refused mutation.</summary>
    private Task<List<string>> SnapshotAsync() => _editor.DatabaseAsync(db => db.Categories.OrderBy(c => c.Id)
        .Select(c => c.Id + "|" + c.Slug + "|" + c.Name + "|" + c.Description + "|" + c.ParentId + "|" + c.Position)
        .ToListAsync());

    private async Task<string> CreateIdAsync(object input)
    {
        var payload = await CreateAsync(input);
        Assert.True(payload["errors"] is null, payload.ToJsonString());
        return (string)payload["category"]!["id"]!;
    }

    private Task<JsonObject> CreateAsync(object input) => _editor.MutateAsync("createCategory", "CreateCategoryInput", input, Payload);

    private Task<JsonObject> UpdateAsync(object input) =>
        _editor.MutateAsync("updateCategory", "UpdateCategoryInput", input, UpdatePayload + " errors { ... on CategoryCycleError { message } }");

    private Task<JsonObject> DeleteAsync(string id) => _editor.MutateAsync("deleteCategory", "DeleteCategoryInput", new { id }, DeletePayload);
}
