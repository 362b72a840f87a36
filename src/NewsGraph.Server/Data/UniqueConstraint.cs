using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Data;

/// <summary>
/// Recognises a unique-index violation: the slug check before saving cannot see a concurrent writer, so the index
/// has the last word and its violation is the same "slug taken" a client would have got a moment later.
/// </summary>
internal static class UniqueConstraint
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const string PostgresUniqueViolation = "23505";

    public static bool IsViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        DbException db => db.SqlState == PostgresUniqueViolation,
        _ => false,
    };
}
