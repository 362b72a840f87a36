using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Mutations;

/// <summary>The README's example mutations (schema/operations/mutations) run as an editor and do what they say.</summary>
public sealed class MutationOperationFileTests : IAsyncLifetime
{
    private EditorServer? _editor;

    private EditorServer Editor => _editor ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _editor = await EditorServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_editor is not null)
        {
            await _editor.DisposeAsync();
        }
    }

    [Fact]
    public async Task Create_then_publish_with_the_example_operations()
    {
        var create = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", "mutations", "CreateArticle.graphql"));
        var publish = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", "mutations", "PublishArticle.graphql"));

        var created = (await Editor.EditAsync(create)).SuccessfulData()["createArticle"]!;
        Assert.Null(created["errors"]);
        var article = created["article"]!;
        Assert.Equal("DRAFT", article["status"]!.GetValue<string>());
        Assert.Equal("orsted-resumes-offshore-wind-auctions", article["slug"]!.GetValue<string>());
        Assert.Contains("<strong>bid again</strong>", article["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);

        var published = (await Editor.EditAsync(publish, new
        {
            id = article["id"]!.GetValue<string>(),
            version = article["version"]!.GetValue<int>(),
        })).SuccessfulData()["publishArticle"]!;

        Assert.Null(published["errors"]);
        Assert.Equal("PUBLISHED", published["article"]!["status"]!.GetValue<string>());
        Assert.NotNull(published["article"]!["publishedAt"]);
    }

    [Fact]
    public async Task Create_then_schedule_with_the_example_operations()
    {
        var create = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", "mutations", "CreateArticle.graphql"));
        var schedule = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", "mutations", "ScheduleArticle.graphql"));
        var article = (await Editor.EditAsync(create)).SuccessfulData()["createArticle"]!["article"]!;
        var id = article["id"]!.GetValue<string>();
        var version = article["version"]!.GetValue<int>();

        var past = (await Editor.EditAsync(schedule, new { id, version, publishAt = "2020-01-01T06:00:00Z" })).SuccessfulData()["scheduleArticle"]!;
        Assert.Equal("ValidationError", past["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("publishAt", past["errors"]![0]!["field"]!.GetValue<string>());

        var publishAt = DateTime.UtcNow.Date.AddDays(2).AddHours(6);
        var scheduled = (await Editor.EditAsync(schedule, new { id, version, publishAt = publishAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) }))
            .SuccessfulData()["scheduleArticle"]!;
        Assert.Null(scheduled["errors"]);
        Assert.Equal("SCHEDULED", scheduled["article"]!["status"]!.GetValue<string>());
        Assert.Equal(publishAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), scheduled["article"]!["scheduledFor"]!.GetValue<string>());
        Assert.Null(scheduled["article"]!["publishedAt"]);
    }

    [Fact]
    public async Task Anonymous_clients_cannot_run_the_example_mutation()
    {
        var create = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", "mutations", "CreateArticle.graphql"));

        var refused = await Editor.Server.PostAsync(create);

        Assert.Equal("AUTH_NOT_AUTHENTICATED", refused.SingleErrorCode());
        Assert.Null(refused.Data);
    }
}
