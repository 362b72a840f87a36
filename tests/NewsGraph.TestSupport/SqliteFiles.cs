using Microsoft.Data.Sqlite;

namespace NewsGraph.TestSupport;

/// <summary>A test's SQLite database file, with the WAL and shared-memory files SQLite keeps beside it.</summary>
public static class SqliteFiles
{
    /// <summary>A path for a new database file in the temporary folder; <paramref name="purpose"/> names it for whoever finds it left behind.</summary>
    public static string NewPath(string purpose) => Path.Combine(Path.GetTempPath(), $"newsgraph-{purpose}-{Guid.NewGuid():N}.db");

    /// <summary>Deletes the database and its WAL files; pooled connections keep them open until cleared.</summary>
    public static void Delete(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
