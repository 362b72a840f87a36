using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    public DbSet<Book> Books => Set<Book>();

    public DbSet<Writer> Writers => Set<Writer>();

    public DbSet<Label> Labels => Set<Label>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddCaseFolding(isSqlite: true);
        modelBuilder.Entity<Book>().HasIndex(b => new { b.Pages, b.Id });
        modelBuilder.Entity<Book>().HasMany(b => b.Labels).WithMany(l => l.Books);
    }
}
