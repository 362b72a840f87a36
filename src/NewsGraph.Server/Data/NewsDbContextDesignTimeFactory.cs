using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsGraph.Server.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without running Program.cs (and the whole web host).
/// </summary>
public sealed class NewsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, DataServiceCollectionExtensions.DefaultConnectionString);
        return new NewsDbContext(options.Options);
    }
}
