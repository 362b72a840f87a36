using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Data.Sorting;
using NewsGraph.GraphQL.Tests.Data.Library;

namespace NewsGraph.GraphQL.Tests.Data.Paging;

/// <summary>The keyset predicate opens with a sargable range on the leading key and uses parameters only.</summary>
[Collection(LibraryDatabaseGroup.Name)]
public sealed class KeysetSqlTests(LibraryFixture library)
{
    [Fact]
    public void DescendingKeysUseALeadingUpperBound()
    {
        IReadOnlyList<SortKey<Book>> order =
        [
            SortKey.Create<Book, int>("pages", b => b.Pages, SortDirection.Descending),
            SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Descending),
        ];
        using var db = library.CreateDbContext();

        var sql = db.Books.Where(KeysetPredicate.After(order, [200, 90000], nullsSortFirstAscending: true)).ToQueryString();

        Assert.Matches(@"WHERE ""b"".""Pages"" <= @\w+ AND \(""b"".""Pages"" < @\w+ OR \(""b"".""Pages"" = @\w+ AND ""b"".""Id"" < @\w+\)\)", sql);
        Assert.DoesNotContain("90000", sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void AscendingKeysUseALeadingLowerBound()
    {
        IReadOnlyList<SortKey<Book>> order =
        [
            SortKey.Create<Book, string>("title", b => b.Title, SortDirection.Ascending),
            SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Ascending),
        ];
        using var db = library.CreateDbContext();

        var sql = db.Books.Where(KeysetPredicate.After(order, ["M", 7], nullsSortFirstAscending: true)).ToQueryString();

        Assert.Contains(@"WHERE ""b"".""Title"" >= @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepPageUsesTheIndexInsteadOfScanning()
    {
        IReadOnlyList<SortKey<Book>> order =
        [
            SortKey.Create<Book, int>("pages", b => b.Pages, SortDirection.Descending),
            SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Descending),
        ];
        using var db = library.CreateDbContext();
        var query = db.Books.Where(KeysetPredicate.After(order, [200, 90000], nullsSortFirstAscending: true))
            .OrderByDescending(b => b.Pages).ThenByDescending(b => b.Id).Take(11);
        db.Database.OpenConnection();
        using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = query.ToQueryString();
        command.CommandText = "EXPLAIN QUERY PLAN " + Regex.Replace(sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..], @"@\w+", "200");
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("USING", StringComparison.Ordinal) && step.Contains("Pages<", StringComparison.Ordinal));
    }
}
