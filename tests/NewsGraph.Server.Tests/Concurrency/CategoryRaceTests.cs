using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Tests.Concurrency;

/// <summary>
/// The category tree with many writers: editors on several instances re-parenting at once never make a loop (no
/// constraint can refuse one, so the cycle check must see what the others committed), and a category created or moved
/// under a parent that is being deleted gets an error of the schema, not an internal one.
/// </summary>
public sealed class CategoryRaceTests
{
    private const int Instances = 4;
    private const int Rounds = 5;
    private static readonly string[] HierarchyErrors = ["NotFoundError", "CategoryNotEmptyError"];

    [Fact]
    public async Task Editors_closing_a_ring_of_categories_at_once_never_make_a_cycle()
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);
        var ring = new List<string>();
        for (var i = 0; i < Instances; i++)
        {
            ring.Add((string)(await fleet.MutateAsync(0, "createCategory", "CreateCategoryInput", new { name = $"Ring {i}" }, "category { id }"))["category"]!["id"]!);
        }

        for (var round = 0; round < Rounds; round++)
        {
            // Each moves one category under the next: all but the last move are fine, the last would close the ring.
            var results = await ServerFleet.RaceAsync(Instances, i => fleet.MutateAsync(i, "updateCategory", "UpdateCategoryInput",
                new { id = ring[i], parentId = ring[(i + 1) % Instances] }, "category { id } errors { __typename }"));

            Assert.Equal("CategoryCycleError", (string?)Assert.Single(results, r => r["errors"] is not null)["errors"]![0]!["__typename"]);
            await AssertNoCycleAsync(fleet);

            foreach (var id in ring)
            {
                await fleet.MutateAsync(0, "updateCategory", "UpdateCategoryInput", new { id, parentId = (string?)null }, "category { id }");
            }
        }
    }

    [Fact]
    public async Task Creating_and_moving_categories_under_a_parent_being_deleted_ends_in_errors_of_the_schema()
    {
        await using var fleet = await ServerFleet.StartAsync(Instances);
        for (var round = 0; round < Rounds; round++)
        {
            var parent = (string)(await fleet.MutateAsync(0, "createCategory", "CreateCategoryInput", new { name = $"Doomed {round}" }, "category { id }"))["category"]!["id"]!;
            var orphan = (string)(await fleet.MutateAsync(0, "createCategory", "CreateCategoryInput", new { name = $"Orphan {round}" }, "category { id }"))["category"]!["id"]!;

            // MutateAsync asserts that there is no GraphQL error: a foreign-key violation would be one.
            var results = await ServerFleet.RaceAsync(Instances, i => (i % 3) switch
            {
                0 => fleet.MutateAsync(i, "deleteCategory", "DeleteCategoryInput", new { id = parent }, "category { id } errors { __typename }"),
                1 => fleet.MutateAsync(i, "createCategory", "CreateCategoryInput", new { name = $"Child {round}-{i}", parentId = parent }, "category { id } errors { __typename }"),
                _ => fleet.MutateAsync(i, "updateCategory", "UpdateCategoryInput", new { id = orphan, parentId = parent }, "category { id } errors { __typename }"),
            });

            Assert.All(results.Where(r => r["errors"] is not null), r =>
                Assert.Contains((string?)r["errors"]![0]!["__typename"], HierarchyErrors));
            await AssertNoCycleAsync(fleet);
        }
    }

    private static async Task AssertNoCycleAsync(ServerFleet fleet)
    {
        await using var db = fleet.Database.CreateContext();
        var parents = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.ParentId);
        foreach (var start in parents.Keys)
        {
            var seen = new HashSet<int>();
            for (int? at = start; at is int id; at = parents[id])
            {
                Assert.True(seen.Add(id), $"The categories {string.Join(" → ", seen)} → {id} form a cycle.");
            }
        }
    }
}
