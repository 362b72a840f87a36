using Microsoft.Data.Sqlite;

namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>A test's SQLite database file, with the WAL and shared-memory files SQLite keeps beside it.</summary>
public static class SqliteFiles
{
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
