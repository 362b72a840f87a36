using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Schema;

[Collection(SharedServer.Name)]
public sealed class SchemaSnapshotTests(ServerFixture fixture)
{
    [Fact]
    public void Committed_schema_is_what_the_server_prints()
    {
        var printed = fixture.Server.Services.GetRequiredService<ISchema>().Print();
        var committed = File.ReadAllText(RepositoryFiles.PathOf("schema", "schema.graphql"));

        Assert.True(
            Normalize(committed) == Normalize(printed),
            "schema/schema.graphql is stale. Refresh it with: dotnet run --project src/NewsGraph.Server -- schema export --output schema/schema.graphql");
    }

    [Theory]
    [InlineData("type ArticlesConnection {")]
    [InlineData("type ArticlesEdge {")]
    [InlineData("type RecentArticlesConnection {")]
    [InlineData("input ArticleFilterInput {")]
    [InlineData("input ListFilterInputTypeOfTagFilterInput {")]
    [InlineData("input StringOperationFilterInput {")]
    [InlineData("input IdOperationFilterInput {")]
    [InlineData("input ArticleStatusOperationFilterInput {")]
    [InlineData("input ArticleSortInput {")]
    [InlineData("enum SortEnumType {")]
    [InlineData("interface Node {")]
    [InlineData("scalar DateTime")]
    public void Schema_uses_hot_chocolate_names(string declaration)
    {
        var printed = fixture.Server.Services.GetRequiredService<ISchema>().Print();
        Assert.Contains(declaration, printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_export_command_prints_the_same_schema()
    {
        var output = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.graphql");
        try
        {
            var exitCode = await NewsGraph.Server.Cli.NewsGraphCommandLine.TryRunAsync(
                ["schema", "export", "--output", output],
                NewsGraph.Server.Hosting.NewsGraphApplication.Build,
                CancellationToken.None);

            Assert.Equal(0, exitCode);
            var printed = fixture.Server.Services.GetRequiredService<ISchema>().Print();
            Assert.Equal(Normalize(printed), Normalize(await File.ReadAllTextAsync(output)));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string Normalize(string sdl) => sdl.ReplaceLineEndings("\n").Trim();
}
