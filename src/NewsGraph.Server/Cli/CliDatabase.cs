using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Cli;

/// <summary>Opens the database a CLI command works on: an explicit connection string, or the app's configured one.</summary>
internal static class CliDatabase
{
    public static async Task<NewsDbContext> OpenAsync(string? connectionString, DatabaseProvider? provider, Func<string[], WebApplication> buildApp, CancellationToken ct)
    {
        // An explicit connection names everything the command needs (its provider with --provider, SQLite by default), so
        // the app is not built: a command must work where the app's own configuration is incomplete.
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return NewsDbContextOptions.CreateContext(provider ?? DatabaseProvider.Sqlite, connectionString);
        }

        // Building (not starting) the app honours appsettings, environment variables and user secrets; --provider alone
        // overrides Database:Provider there.
        WebApplication app = buildApp(provider is { } chosen ? [$"--{DatabaseSettings.ProviderKey}={chosen}"] : []);
        var factory = app.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        return await factory.CreateDbContextAsync(ct);
    }
}
