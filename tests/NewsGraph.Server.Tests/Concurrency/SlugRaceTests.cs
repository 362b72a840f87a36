using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.Concurrency;

/// <summary>
/// Unique slugs when editors on several instances create at once: an explicit slug goes to one of them and the others
/// get SlugTakenError; a generated one moves on to the next free suffix; nobody gets an internal error.
/// </summary>
public sealed class SlugRaceTests
{
    private const int Instances = 4;
    private const int Creators = 8;

    [Fact]
    public async Task Racing_creates_of_one_explicit_article_slug_give_it_to_one_and_SlugTakenError_to_the_others()
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);
        var authorId = (await fleet.IdsAsync("authors", 1))[0];
        var categoryId = (await fleet.IdsAsync("categories", 1))[0];

        var results = await ServerFleet.RaceAsync(Creators, i => fleet.MutateAsync(i, "createArticle", "CreateArticleInput",
            new { title = $"Claim {i}", slug = "the-one-slug", body = "", authorId, categoryId },
            "article { slug } errors { __typename }"));

        Assert.Equal("the-one-slug", (string?)Assert.Single(results, r => r["errors"] is null)["article"]!["slug"]);
        Assert.All(results.Where(r => r["errors"] is not null), loser => Assert.Equal("SlugTakenError", Typename(loser)));
    }

    [Fact]
    public async Task Racing_creates_of_one_article_title_all_succeed_with_the_next_free_suffixes()
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);
        var authorId = (await fleet.IdsAsync("authors", 1))[0];
        var categoryId = (await fleet.IdsAsync("categories", 1))[0];

        var results = await ServerFleet.RaceAsync(Creators, i => fleet.MutateAsync(i, "createArticle", "CreateArticleInput",
            new { title = "Everyone Files This Story", body = "", authorId, categoryId },
            "article { slug } errors { __typename }"));

        Assert.All(results, r => Assert.True(r["errors"] is null, r.ToJsonString()));
        var expected = Enumerable.Repeat("everyone-files-this-story", 1).Concat(Enumerable.Range(2, Creators - 1).Select(n => $"everyone-files-this-story-{n}"));
        Assert.Equal(expected.Order(), results.Select(r => (string)r["article"]!["slug"]!).Order());
    }

    [Fact]
    public async Task Racing_retitles_of_drafts_to_one_title_all_succeed_with_the_next_free_suffixes()
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);
        var drafts = new List<(string Id, int Version)>();
        for (var i = 0; i < Creators; i++)
        {
            drafts.Add(await fleet.CreateDraftAsync(i, $"Working title {i}"));
        }

        var results = await ServerFleet.RaceAsync(Creators, i => fleet.MutateAsync(i, "updateArticle", "UpdateArticleInput",
            new { id = drafts[i].Id, version = drafts[i].Version, title = "The Final Headline" },
            "article { slug } errors { __typename }"));

        Assert.All(results, r => Assert.True(r["errors"] is null, r.ToJsonString()));
        Assert.Equal(Creators, results.Select(r => (string)r["article"]!["slug"]!).Distinct().Count());
    }

    [Theory]
    [InlineData("createTag", "CreateTagInput", "tag")]
    [InlineData("createAuthor", "CreateAuthorInput", "author")]
    [InlineData("createCategory", "CreateCategoryInput", "category")]
    public async Task Racing_creates_of_one_name_never_fail_and_never_share_a_slug(string field, string inputType, string payload)
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);

        var generated = await ServerFleet.RaceAsync(Creators, i => fleet.MutateAsync(i, field, inputType,
            new { name = "Night Desk" }, $"{payload} {{ slug }} errors {{ __typename }}"));
        var chosen = await ServerFleet.RaceAsync(Creators, i => fleet.MutateAsync(i, field, inputType,
            new { name = $"Day Desk {i}", slug = "day-desk" }, $"{payload} {{ slug }} errors {{ __typename }}"));

        // A generated slug that a concurrent create took is either chosen anew or reported as taken.
        Assert.All(generated.Where(r => r["errors"] is not null), r => Assert.Equal("SlugTakenError", Typename(r)));
        var slugs = generated.Where(r => r["errors"] is null).Select(r => (string)r[payload]!["slug"]!).ToList();
        Assert.NotEmpty(slugs);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.Equal("day-desk", (string?)Assert.Single(chosen, r => r["errors"] is null)[payload]!["slug"]);
        Assert.All(chosen.Where(r => r["errors"] is not null), r => Assert.Equal("SlugTakenError", Typename(r)));
    }

    private static string? Typename(JsonObject payload) => (string?)payload["errors"]![0]!["__typename"];
}
