using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.DataLoading;

/// <summary>Nested objects and lists load through batching loaders: the SQL count does not grow with the page.</summary>
[Collection(SharedServer.Name)]
public sealed class SqlCommandCountTests(ServerFixture fixture)
{
    private const string ArticlesWithRelations = """
        query ($first: Int!) {
          articles(first: $first) { nodes { author { name } category { name } tags { name } } }
        }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    public async Task Articles_with_author_category_and_tags_take_two_commands_whatever_the_page_size(int first)
    {
        var commands = await CountCommandsAsync(ArticlesWithRelations, new { first });

        // The page with its authors and categories joined (the list is projected), then one batch for the tags.
        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public async Task Nested_connections_of_every_author_take_one_command()
    {
        var commands = await CountCommandsAsync("""
            { authors(first: 50) { nodes { name articles(first: 2) { nodes { title } } } } }
            """);

        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public async Task Category_parents_and_children_are_batched()
    {
        var commands = await CountCommandsAsync("""
            { categories(first: 50) { nodes { name parent { name } children { name } } } }
            """);

        // The categories with their parents joined (the list is projected), then one batch for the children.
        Assert.Equal(2, commands.Count);
    }

    private async Task<IReadOnlyList<string>> CountCommandsAsync(string query, object? variables = null)
    {
        var server = fixture.Server;
        server.SqlCommands.Reset();
        var response = await server.PostAsync(query, variables);
        response.SuccessfulData();
        return server.SqlCommands.Commands;
    }
}
