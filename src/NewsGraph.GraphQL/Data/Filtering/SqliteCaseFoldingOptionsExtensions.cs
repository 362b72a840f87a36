using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Data.Filtering;

public static class SqliteCaseFoldingOptionsExtensions
{
    /// <summary>Registers the <c>casefold</c> SQLite function on every opened connection; pair with <c>AddCaseFolding(isSqlite: true)</c>.</summary>
    public static DbContextOptionsBuilder UseSqliteCaseFolding(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddInterceptors(SqliteCaseFoldingInterceptor.Instance);
    }
}
