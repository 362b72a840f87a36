using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Data;

/// <summary>
/// Recognises a foreign-key violation: the "still in use" check before a delete cannot see an article a concurrent
/// writer adds meanwhile, so the restricting foreign key has the last word and its violation means the same thing.
/// </summary>
internal static class ForeignKeyConstraint
{
    private const int SqliteConstraintForeignKey = 787;
    private const string PostgresForeignKeyViolation = "23503";

    public static bool IsViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey,
        DbException db => db.SqlState == PostgresForeignKeyViolation,
        _ => false,
    };
}
