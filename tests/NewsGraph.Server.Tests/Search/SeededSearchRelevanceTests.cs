using NewsGraph.Server.Cli;
using NewsGraph.Server.Tests.TestHosting;
using Xunit.Abstractions;

namespace NewsGraph.Server.Tests.Search;

/// <summary>The relevance set among 2,000 seeded articles (runs the seed command: see <see cref="SeedCommandRuns"/>).</summary>
[Collection(SeedCommandRuns.Name)]
public sealed class SeededSearchRelevanceTests(ITestOutputHelper output)
{
    private const double MinimumMeanReciprocalRank = SearchRelevanceTests.MinimumMeanReciprocalRank;
    private const double MinimumPrecisionAt5 = SearchRelevanceTests.MinimumPrecisionAt5;

    // The same questions among 2,000 generated articles on every topic (the seed command's catalogue): the sample
    // articles must still come first, so ranking, not the size of the catalogue, decides.
    [Fact]
    public async Task The_sample_articles_are_still_found_among_thousands_of_seeded_ones()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var database = server.Database;
        Assert.Equal(0, await NewsGraphCommandLine.TryRunAsync(
            ["seed", "--articles", "2000", "--seed", "42", "--connection", database.ConnectionString, "--provider", database.Provider.ToString()],
            _ => throw new InvalidOperationException("The app should not be built."),
            CancellationToken.None));

        var report = await SearchRelevance.RunAsync(server);
        output.WriteLine($"Sample data + 2,000 seeded articles ({database.Provider}): {report.Describe()}");

        Assert.True(report.MeanReciprocalRank >= MinimumMeanReciprocalRank, report.Describe());
        Assert.True(report.MeanPrecisionAt5 >= MinimumPrecisionAt5, report.Describe());
    }
}
