using Microsoft.EntityFrameworkCore.Design;

namespace NewsGraph.Server.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model: <c>dotnet ef migrations add Name --context PostgreSqlNewsDbContext --output-dir
/// Data/Migrations/PostgreSQL</c>. Adding a migration opens no connection, so the connection string is a placeholder;
/// <c>dotnet ef database update</c> takes a real one with <c>--connection</c>.
/// </summary>
public sealed class PostgreSqlNewsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlNewsDbContext>
{
    public PostgreSqlNewsDbContext CreateDbContext(string[] args) =>
        (PostgreSqlNewsDbContext)NewsDbContextOptions.CreateContext(DatabaseProvider.PostgreSQL, "Host=localhost;Database=newsgraph");
}
