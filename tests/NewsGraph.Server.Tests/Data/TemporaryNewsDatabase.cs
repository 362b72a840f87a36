using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Data;

/// <summary>A real SQLite file in the temp folder, wired exactly as the server wires it; deleted on dispose.</summary>
public sealed class TemporaryNewsDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _disposed;

    public TemporaryNewsDatabase()
    {
        FilePath = SqliteFiles.NewPath("test");
        ConnectionString = $"Data Source={FilePath}";
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:News"] = ConnectionString })
            .Build();
        _services = new ServiceCollection().AddLogging().AddNewsData(configuration).BuildServiceProvider();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => _services;

    public Task InitializeAsync(bool seedSampleData) =>
        _services.InitializeNewsDatabaseAsync(seedSampleData, CancellationToken.None);

    /// <summary>A reader context by default; editors pass <paramref name="includeUnpublished"/>.</summary>
    public NewsDbContext CreateContext(bool includeUnpublished = false)
    {
        NewsDbContext db = _services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContext();
        return includeUnpublished ? db.WithUnpublished() : db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _services.DisposeAsync();
        SqliteFiles.Delete(FilePath);
    }
}
