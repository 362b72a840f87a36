using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Cli;

/// <summary>Opens the database a CLI command works on: an explicit connection string, or the app's configured one.</summary>
internal static class CliDatabase
{
    public static async Task<NewsDbContext> OpenAsync(string? connectionString, Func<WebApplication> buildApp, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var options = new DbContextOptionsBuilder<NewsDbContext>();
            DataServiceCollectionExtensions.ConfigureSqlite(options, connectionString);
            return new NewsDbContext(options.Options);
        }

        // Building (not starting) the app honours appsettings, environment variables and user secrets.
        WebApplication app = buildApp();
        var factory = app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        return await factory.CreateDbContextAsync(ct);
    }
}
