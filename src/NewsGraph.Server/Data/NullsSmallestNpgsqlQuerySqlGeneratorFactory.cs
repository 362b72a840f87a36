using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace NewsGraph.Server.Data;

/// <summary>
/// Makes NULL the smallest value in every ORDER BY on PostgreSQL, as it is on SQLite (PostgreSQL's own default is the
/// largest): a draft without a publication date is then last in "newest first" on both providers, and the keyset
/// predicates, written for NULL as the smallest value, page correctly on both.
/// </summary>
/// <remarks>
/// Npgsql has a "reverse null ordering" option, but its builder method is internal, and it puts NULLS FIRST/LAST on
/// every ordering, also of columns that cannot be NULL; PostgreSQL's planner does not see through that, so ORDER BY "Id"
/// NULLS FIRST would no longer be read from the primary key. This generator adds the clause to nullable expressions
/// only, and the indexes declare NULLS FIRST on nullable columns only to match (NewsDbContext). The generator's types
/// live in Npgsql's <c>.Internal</c> namespaces (EF1001): a new Npgsql version may change them, which the build would
/// report, and the ordering and paging tests that run on PostgreSQL would catch a change of behaviour.
/// </remarks>
#pragma warning disable EF1001 // Npgsql's generator and options are internal APIs; see the remarks.
internal sealed class NullsSmallestNpgsqlQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies,
    IRelationalTypeMappingSource typeMappingSource,
    INpgsqlSingletonOptions npgsqlOptions) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() => new Generator(dependencies, typeMappingSource, npgsqlOptions.PostgresVersion);

    private sealed class Generator(QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, Version postgresVersion)
        : NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled: false, postgresVersion)
    {
        protected override Expression VisitOrdering(OrderingExpression orderingExpression)
        {
            var result = base.VisitOrdering(orderingExpression);
            if (CanBeNull(orderingExpression.Expression))
            {
                Sql.Append(orderingExpression.IsAscending ? " NULLS FIRST" : " NULLS LAST");
            }

            return result;
        }

        // A column knows whether it can hold NULL; anything else (a function, a CASE) is taken to be able to.
        private static bool CanBeNull(SqlExpression expression) => expression switch
        {
            ColumnExpression column => column.IsNullable,
            SqlConstantExpression constant => constant.Value is null,
            SqlParameterExpression => false,
            _ => true,
        };
    }
}
#pragma warning restore EF1001
