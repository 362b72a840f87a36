using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Data.Filtering;

public static class CaseFoldingModelBuilderExtensions
{
    /// <summary>
    /// Maps <see cref="CaseFolding.Fold"/> to SQL: the <c>casefold</c> function registered by
    /// <see cref="SqliteCaseFoldingOptionsExtensions.UseSqliteCaseFolding"/> on SQLite, built-in <c>upper</c> elsewhere
    /// (Unicode-aware on PostgreSQL and SQL Server, and what <see cref="CaseFolding.Fold"/> does in .NET).
    /// Call from <c>OnModelCreating</c>.
    /// </summary>
    public static ModelBuilder AddCaseFolding(this ModelBuilder modelBuilder, bool isSqlite)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var fold = typeof(CaseFolding).GetMethod(nameof(CaseFolding.Fold))!;
        var function = modelBuilder.HasDbFunction(fold)
            .HasName(isSqlite ? CaseFolding.SqliteFunctionName : "upper")
            .IsBuiltIn();
        function.IsNullable();
        function.HasParameter("value").PropagatesNullability();
        return modelBuilder;
    }
}
