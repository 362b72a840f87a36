using Microsoft.Extensions.Configuration;

namespace NewsGraph.Server.Data;

/// <summary>
/// Reads the provider and the connection string while services are registered: the provider decides which EF Core
/// provider, context type and migrations exist at all, so it cannot wait for options binding.
/// </summary>
public static class DatabaseSettings
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "News";
    public const string DefaultSqliteConnectionString = "Data Source=newsgraph.db";

    /// <summary>The configured provider; <see cref="DatabaseProvider.Sqlite"/> when unset.</summary>
    /// <exception cref="InvalidOperationException">The setting names no provider: the server must not start.</exception>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ParseProvider(configuration[ProviderKey]);
    }

    /// <summary>Parses a provider name (case-insensitive); null or blank is the default.</summary>
    public static DatabaseProvider ParseProvider(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }

        // Names only: Enum.TryParse would also take "1" or "Sqlite,PostgreSQL".
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            if (string.Equals(name.Trim(), provider.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new InvalidOperationException(
            $"{ProviderKey} is '{name}', which is not a database NewsGraph supports: use '{DatabaseProvider.Sqlite}' (the default) or '{DatabaseProvider.PostgreSQL}'.");
    }

    /// <summary><c>ConnectionStrings:News</c>; SQLite falls back to a file in the working directory, a server has no default.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL without a connection string.</exception>
    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return provider == DatabaseProvider.Sqlite
            ? DefaultSqliteConnectionString
            : throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is required with {ProviderKey}={provider}, e.g. \"Host=db.example;Database=newsgraph;Username=newsgraph;Password=...\".");
    }
}
