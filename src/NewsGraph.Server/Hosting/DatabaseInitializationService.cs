using NewsGraph.Server.Data;

namespace NewsGraph.Server.Hosting;

/// <summary>
/// Migrates the database (and loads the sample data into an empty one) before the server starts
/// listening: hosted services start before Kestrel, so no request ever sees a half-made schema.
/// </summary>
internal sealed class DatabaseInitializationService(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetValue("Database:Migrate", defaultValue: true)
            ? services.InitializeNewsDatabaseAsync(
                seedSampleData: configuration.GetValue("Database:SeedSampleData", defaultValue: true),
                cancellationToken)
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
