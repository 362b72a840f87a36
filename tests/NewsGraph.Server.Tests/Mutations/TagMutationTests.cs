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
}
