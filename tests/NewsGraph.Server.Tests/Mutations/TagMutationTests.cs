using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Tests.Mutations;

public sealed class TagMutationTests
{
    private const string Payload = "tag { id slug name } errors { __typename ... on Error { message } ... on ValidationError { field } ... on SlugTakenError { slug } }";

    [Fact]
    public async Task Tags_are_created_renamed_and_deleted_with_typed_errors()
    {
        await using var editor = await EditorServer.StartAsync();

        var created = await editor.MutateAsync("createTag", "CreateTagInput", new { name = "Künstliche Intelligenz" }, Payload);
        Assert.Equal("kunstliche-intelligenz", (string?)created["tag"]!["slug"]);
        var id = (string)created["tag"]!["id"]!;

        var taken = await editor.MutateAsync("createTag", "CreateTagInput", new { name = "AI", slug = "kunstliche-intelligenz" }, Payload);
        Assert.Equal("SlugTakenError", (string?)taken["errors"]![0]!["__typename"]);

        var empty = await editor.MutateAsync("createTag", "CreateTagInput", new { name = "", slug = "x" }, Payload);
        Assert.Equal("name", (string?)empty["errors"]![0]!["field"]);

        var renamed = await editor.MutateAsync("updateTag", "UpdateTagInput", new { id, name = "KI" }, "tag { slug name } errors { __typename }");
        Assert.Equal("KI", (string?)renamed["tag"]!["name"]);
        Assert.Equal("kunstliche-intelligenz", (string?)renamed["tag"]!["slug"]);

        var deleted = await editor.MutateAsync("deleteTag", "DeleteTagInput", new { id }, "tag { id } errors { __typename }");
        Assert.Null(deleted["errors"]);
        Assert.False(await editor.DatabaseAsync(db => db.Tags.AnyAsync(t => t.Slug == "kunstliche-intelligenz")));
        var again = await editor.MutateAsync("deleteTag", "DeleteTagInput", new { id }, "tag { id } errors { __typename }");
        Assert.Equal("NotFoundError", (string?)again["errors"]![0]!["__typename"]);
    }

    [Fact]
    public async Task A_slug_sent_as_null_is_generated_on_create_and_refused_on_update()
    {
        await using var editor = await EditorServer.StartAsync();

        // Generated from the name, as when left out: a name without letters or digits cannot make one.
        var generated = await editor.MutateAsync("createTag", "CreateTagInput", new { name = "Raumfahrt", slug = (string?)null }, Payload);
        Assert.Equal("raumfahrt", (string?)generated["tag"]!["slug"]);
        var unsluggable = await editor.MutateAsync("createTag", "CreateTagInput", new { name = "!!!", slug = (string?)null }, Payload);
        Assert.Equal("name", (string?)unsluggable["errors"]![0]!["field"]);

        var id = (string)generated["tag"]!["id"]!;
        var removed = await editor.MutateAsync("updateTag", "UpdateTagInput", new { id, slug = (string?)null }, Payload);
        Assert.Equal("slug", (string?)removed["errors"]![0]!["field"]);
        var renamedWithNullSlug = await editor.MutateAsync("updateTag", "UpdateTagInput", new { id, name = "Space", slug = (string?)null }, Payload);
        Assert.Equal("raumfahrt", (string?)renamedWithNullSlug["tag"]!["slug"]);
        Assert.Equal("Space", (string?)renamedWithNullSlug["tag"]!["name"]);
    }
}
