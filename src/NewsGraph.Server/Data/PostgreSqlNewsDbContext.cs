using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Data;

/// <summary>
/// <see cref="NewsDbContext"/> on PostgreSQL. A type of its own only so that each provider has its own migrations
/// (Migrations/PostgreSQL); everything else uses <see cref="NewsDbContext"/>.
/// </summary>
public sealed class PostgreSqlNewsDbContext(DbContextOptions<PostgreSqlNewsDbContext> options) : NewsDbContext(options);
