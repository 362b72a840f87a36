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
    public void NonNullableStringKeysGetNoNullBranches()
    {
        // `string Title` is a reference type but not nullable: an `IS NULL` branch would only stop the index seek.
        IReadOnlyList<SortKey<Book>> order =
        [
            SortKey.Create<Book, string>("title", b => b.Title, SortDirection.Descending),
            SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Descending),
        ];
        using var db = library.CreateDbContext();

        var sql = db.Books.Where(KeysetPredicate.After(order, ["M", 7], nullsSortFirstAscending: true)).ToQueryString();

        Assert.DoesNotContain("IS NULL", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void NullableKeysKeepTheirNullBranchesUnlessDeclaredNeverNull()
    {
        var publishedOn = SortKey.Create<Book, DateTime?>("publishedOn", b => b.PublishedOn, SortDirection.Descending);
        var id = SortKey.Create<Book, int>("id", b => b.Id, SortDirection.Descending);
        object?[] cursor = [new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), 7];
        using var db = library.CreateDbContext();

        var nullable = db.Books.Where(KeysetPredicate.After([publishedOn, id], cursor, nullsSortFirstAscending: true)).ToQueryString();
        var neverNull = db.Books.Where(KeysetPredicate.After([publishedOn.NeverNull(), id], cursor, nullsSortFirstAscending: true)).ToQueryString();

        // Descending with NULLs first in ascending order: NULL rows come after every date, so they must be kept.
        Assert.Contains(@"""b"".""PublishedOn"" IS NULL", nullable, StringComparison.Ordinal);
        Assert.DoesNotContain("IS NULL", neverNull, StringComparison.Ordinal);
        Assert.Matches(@"WHERE ""b"".""PublishedOn"" <= @\w+ AND", neverNull);
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
