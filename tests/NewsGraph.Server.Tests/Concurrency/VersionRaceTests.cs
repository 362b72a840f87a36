using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Concurrency;

/// <summary>
/// Optimistic concurrency with many writers: of editors on several instances who all hold the same version of an
/// article, exactly one saves and every other gets a ConcurrencyConflictError, whatever their changes have in common.
/// </summary>
public sealed class VersionRaceTests
{
    private const int Instances = 4;
    private const int Editors = 12;
    private static readonly string[] LoserErrors = ["ConcurrencyConflictError", "NotFoundError"];

    [Fact]
    public async Task Of_editors_racing_on_one_version_exactly_one_wins_and_the_others_get_a_conflict()
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);
        var tagIds = await fleet.IdsAsync("tags", 2);
        for (var round = 0; round < 3; round++)
        {
            var (id, version) = await fleet.CreateDraftAsync(round, $"Contested headline {round}");

            // The same new tags for all: every loser's tag links collide with the winner's.
            var results = await ServerFleet.RaceAsync(Editors, i => fleet.MutateAsync(i, "updateArticle", "UpdateArticleInput",
                new { id, version, title = $"Contested headline {round}, take {i}", tagIds },
                "article { version title } errors { __typename }"));

            var winner = Assert.Single(results, r => r["errors"] is null);
            Assert.Equal(version + 1, (int)winner["article"]!["version"]!);
            Assert.All(results.Where(r => r["errors"] is not null), loser =>
                Assert.Equal("ConcurrencyConflictError", (string?)loser["errors"]![0]!["__typename"]));

            await using var db = fleet.Database.CreateContext();
            var stored = db.WithUnpublished().Articles.Single(a => a.Title == (string)winner["article"]!["title"]!);
            Assert.Equal(version + 1, stored.Version);
            Assert.Equal(2, db.ArticleTags.Count(at => at.ArticleId == stored.Id));
        }
    }

    [Fact]
    public async Task Of_editors_racing_to_publish_edit_and_delete_one_version_exactly_one_wins()
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);
        var (id, version) = await fleet.CreateDraftAsync(0, "Publish, edit or delete");
        const string selection = "article { version } errors { __typename }";

        var results = await ServerFleet.RaceAsync(Editors, i => (i % 3) switch
        {
            0 => fleet.MutateAsync(i, "publishArticle", "PublishArticleInput", new { id, version, isBreaking = false }, selection),
            1 => fleet.MutateAsync(i, "updateArticle", "UpdateArticleInput", new { id, version, summary = $"Take {i}" }, selection),
            _ => fleet.MutateAsync(i, "deleteArticle", "DeleteArticleInput", new { id, version }, selection),
        });

        Assert.Single(results, r => r["errors"] is null);
        Assert.All(results.Where(r => r["errors"] is not null), loser =>
            Assert.Contains((string?)loser["errors"]![0]!["__typename"], LoserErrors));
    }
}
