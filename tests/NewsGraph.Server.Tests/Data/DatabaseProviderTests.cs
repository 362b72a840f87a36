using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Data;

/// <summary>Choosing the database: the provider setting, each provider's migrations, what a PostgreSQL database must be.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Each_providers_migrations_hold_the_whole_model(DatabaseProvider provider)
    {
        // Comparing the model with the migrations' snapshot needs no connection, so no server either.
        await using NewsDbContext db = NewsDbContextOptions.CreateContext(provider, provider == DatabaseProvider.Sqlite ? "Data Source=unused.db" : "Host=unused");

        Assert.False(db.Database.HasPendingModelChanges(), $"The model changed without a {provider} migration: add one with `dotnet ef migrations add` (README, Databases).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData(" ", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSQL)]
    [InlineData("postgresql", DatabaseProvider.PostgreSQL)]
    public void A_provider_is_named_case_insensitively_and_defaults_to_SQLite(string? name, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseSettings.ParseProvider(name));

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    [InlineData("Sqlite,PostgreSQL")]
    public async Task A_provider_that_is_none_stops_the_server_with_a_message_naming_the_choices(string name)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => NewsGraphServer.StartAsync([new(DatabaseSettings.ProviderKey, name)]));

        Assert.Equal(
            $"Database:Provider is '{name}', which is not a database NewsGraph supports: use 'Sqlite' (the default) or 'PostgreSQL'.",
            failure.Message);
    }

    [Fact]
    [Trait("Provider", "PostgreSQL")]
    public async Task A_PostgreSQL_database_that_folds_ASCII_only_is_refused_with_what_to_do()
    {
        var postgres = await PostgresServer.SharedAsync();
        var name = $"newsgraph_c_locale_{Guid.NewGuid():N}";
        await postgres.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        try
        {
            await using NewsDbContext db = NewsDbContextOptions.CreateContext(DatabaseProvider.PostgreSQL, postgres.ConnectionString(name));

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseInitializer.MigrateAsync(db, CancellationToken.None));

            Assert.StartsWith("The PostgreSQL database's LC_CTYPE is 'C', whose upper() folds ASCII only;", failure.Message, StringComparison.Ordinal);
            Assert.Contains("LC_CTYPE 'C.UTF-8'", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await postgres.DropDatabaseAsync(name);
        }
    }

    [Fact]
    [Trait("Provider", "PostgreSQL")]
    public void PostgreSQL_without_a_connection_string_stops_the_server_with_an_example()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.ConnectionString(new ConfigurationBuilder().Build(), DatabaseProvider.PostgreSQL));

        Assert.StartsWith("ConnectionStrings:News is required with Database:Provider=PostgreSQL", failure.Message, StringComparison.Ordinal);
    }
}
