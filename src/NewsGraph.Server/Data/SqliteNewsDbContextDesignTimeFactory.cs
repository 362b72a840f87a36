using Microsoft.EntityFrameworkCore.Design;

namespace NewsGraph.Server.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite model without running Program.cs (and the whole web host):
/// <c>dotnet ef migrations add Name --context SqliteNewsDbContext --output-dir Data/Migrations/Sqlite</c>.
/// </summary>
public sealed class SqliteNewsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args) =>
        (SqliteNewsDbContext)NewsDbContextOptions.CreateContext(DatabaseProvider.Sqlite, DatabaseSettings.DefaultSqliteConnectionString);
}
