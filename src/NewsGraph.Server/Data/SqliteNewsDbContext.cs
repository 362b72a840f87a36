using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Data;

/// <summary>
/// <see cref="NewsDbContext"/> on SQLite. A type of its own only so that each provider has its own migrations
/// (Migrations/Sqlite); everything else uses <see cref="NewsDbContext"/>.
/// </summary>
public sealed class SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options) : NewsDbContext(options);
