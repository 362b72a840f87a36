using System.Text.Json;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Tests.Data.Library;

namespace NewsGraph.GraphQL.Tests.Data.Filtering;

/// <summary>Every filter operation, run as a GraphQL document against SQLite and compared with LINQ to Objects.</summary>
[Collection(LibraryDatabaseGroup.Name)]
public sealed class FilterOperationTests(LibraryFixture library)
{
    private static readonly DateTime Cutoff = new(1853, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, Func<Book, bool>> Filters => new()
    {
        // String: exact operations.
        { """{ title: { eq: "Nana" } }""", b => b.Title == "Nana" },
        { """{ title: { neq: "Nana" } }""", b => b.Title != "Nana" },
        { """{ title: { in: ["Nana", "Germinal", "missing"] } }""", b => b.Title is "Nana" or "Germinal" },
        { """{ title: { nin: ["Nana", "Germinal"] } }""", b => b.Title is not ("Nana" or "Germinal") },
        { """{ title: { eq: "nana" } }""", _ => false },
        { """{ subtitle: { eq: null } }""", b => b.Subtitle is null },
        { """{ subtitle: { neq: null } }""", b => b.Subtitle is not null },
        { """{ subtitle: { in: ["Part 1", null] } }""", b => b.Subtitle is "Part 1" or null },

        // String: case-insensitive operations.
        { """{ title: { contains: "école" } }""", b => Fold(b.Title).Contains("ÉCOLE", StringComparison.Ordinal) },
        { """{ title: { contains: "FRANK" } }""", b => b.Title == "Frankenstein" },
        { """{ title: { ncontains: "e" } }""", b => !Fold(b.Title).Contains('E', StringComparison.Ordinal) },
        { """{ title: { startsWith: "la " } }""", b => Fold(b.Title).StartsWith("LA ", StringComparison.Ordinal) },
        { """{ title: { nstartsWith: "t" } }""", b => !Fold(b.Title).StartsWith('T') },
        { """{ title: { endsWith: "MAN" } }""", b => Fold(b.Title).EndsWith("MAN", StringComparison.Ordinal) },
        { """{ title: { nendsWith: "s" } }""", b => !Fold(b.Title).EndsWith('S') },
        { """{ title: { contains: "%" } }""", b => b.Title.Contains('%', StringComparison.Ordinal) },
        { """{ title: { contains: "0% p" } }""", b => b.Title == "100% Pure" },
        { """{ title: { contains: "_" } }""", b => b.Title.Contains('_', StringComparison.Ordinal) },
        { """{ title: { startsWith: "snake_" } }""", b => b.Title == "snake_case" },
        { """{ title: { endsWith: "_CASE" } }""", b => b.Title == "snake_case" },
        { """{ title: { and: [{ contains: "a" }, { contains: "n" }] } }""", b => Fold(b.Title).Contains('A', StringComparison.Ordinal) && Fold(b.Title).Contains('N', StringComparison.Ordinal) },
        { """{ title: { or: [{ eq: "Nana" }, { startsWith: "fr" }] } }""", b => b.Title is "Nana" or "Frankenstein" },

        // Int and nullable int.
        { "{ pages: { eq: 200 } }", b => b.Pages == 200 },
        { "{ pages: { neq: 200 } }", b => b.Pages != 200 },
        { "{ pages: { in: [100, 400] } }", b => b.Pages is 100 or 400 },
        { "{ pages: { nin: [100, 400] } }", b => b.Pages is not (100 or 400) },
        { "{ pages: { gt: 200 } }", b => b.Pages > 200 },
        { "{ pages: { ngt: 200 } }", b => b.Pages <= 200 },
        { "{ pages: { gte: 200 } }", b => b.Pages >= 200 },
        { "{ pages: { ngte: 200 } }", b => b.Pages < 200 },
        { "{ pages: { lt: 300 } }", b => b.Pages < 300 },
        { "{ pages: { nlt: 300 } }", b => b.Pages >= 300 },
        { "{ pages: { lte: 300 } }", b => b.Pages <= 300 },
        { "{ pages: { nlte: 300 } }", b => b.Pages > 300 },
        { "{ pages: { gt: 100, lt: 400 } }", b => b.Pages is > 100 and < 400 },
        { "{ rating: { eq: null } }", b => b.Rating is null },
        { "{ rating: { neq: null } }", b => b.Rating is not null },
        { "{ rating: { gte: 3 } }", b => b.Rating >= 3 },
        { "{ rating: { in: [1, null] } }", b => b.Rating is 1 or null },

        // Boolean.
        { "{ isAvailable: { eq: true } }", b => b.IsAvailable },
        { "{ isAvailable: { neq: true } }", b => !b.IsAvailable },

        // DateTime (nullable).
        { """{ publishedOn: { eq: null } }""", b => b.PublishedOn is null },
        { """{ publishedOn: { gt: "1853-06-01T00:00:00Z" } }""", b => b.PublishedOn > Cutoff },
        { """{ publishedOn: { lte: "1853-06-01T02:00:00+02:00" } }""", b => b.PublishedOn <= Cutoff },
        // Negations keep C# semantics, as HC's expression (!(x >= v)) does through EF Core: NULL rows match.
        { """{ publishedOn: { ngte: "1853-06-01T00:00:00.000Z" } }""", b => !(b.PublishedOn >= Cutoff) },
        { "{ rating: { nlt: 3 } }", b => !(b.Rating < 3) },

        // Enum.
        { "{ status: { eq: IN_PRINT } }", b => b.Status == BookStatus.InPrint },
        { "{ status: { neq: IN_PRINT } }", b => b.Status != BookStatus.InPrint },
        { "{ status: { in: [DRAFT, OUT_OF_PRINT] } }", b => b.Status is BookStatus.Draft or BookStatus.OutOfPrint },
        { "{ status: { nin: [DRAFT, OUT_OF_PRINT] } }", b => b.Status == BookStatus.InPrint },

        // and / or / siblings.
        { "{ pages: { eq: 200 }, isAvailable: { eq: true } }", b => b.Pages == 200 && b.IsAvailable },
        { "{ and: [{ pages: { gte: 200 } }, { pages: { lte: 300 } }] }", b => b.Pages is >= 200 and <= 300 },
        { "{ or: [{ pages: { eq: 100 } }, { status: { eq: DRAFT } }] }", b => b.Pages == 100 || b.Status == BookStatus.Draft },
        { "{ or: [{ and: [{ pages: { eq: 100 } }, { isAvailable: { eq: true } }] }, { rating: { eq: 5 } }] }", b => (b.Pages == 100 && b.IsAvailable) || b.Rating == 5 },
        { "{ or: [{ pages: { eq: 100 } }, {}] }", _ => true },
        { "{}", _ => true },

        // Nested object (a NULL writer never matches) and lists.
        { """{ writer: { name: { contains: "émile" } } }""", b => b.Writer?.Name == "Émile Zola" },
        { """{ writer: { name: { neq: "Ada Lovelace" } } }""", b => b.Writer is not null && b.Writer.Name != "Ada Lovelace" },
        { """{ writer: { bornOn: { lt: "1800-01-01T00:00:00Z" } } }""", b => b.Writer?.Name == "Mary Shelley" },
        { """{ labels: { some: { name: { eq: "horror" } } } }""", b => b.Labels.Any(l => l.Name == "horror") },
        { """{ labels: { none: { name: { eq: "horror" } } } }""", b => !b.Labels.Any(l => l.Name == "horror") },
        { """{ labels: { all: { name: { in: ["classic", "science"] } } } }""", b => b.Labels.All(l => l.Name is "classic" or "science") },
        { """{ labels: { any: true } }""", b => b.Labels.Count != 0 },
        { """{ labels: { any: false } }""", b => b.Labels.Count == 0 },
        { """{ labels: { some: { name: { eq: "classic" } }, none: { name: { eq: "science" } } } }""", b => b.Labels.Any(l => l.Name == "classic") && !b.Labels.Any(l => l.Name == "science") },
        { """{ or: [{ labels: { any: false } }, { writer: { name: { startsWith: "MARY" } } }] }""", b => b.Labels.Count == 0 || b.Writer?.Name == "Mary Shelley" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task FiltersLikeLinqToObjects(string where, Func<Book, bool> expected)
    {
        var titles = await TitlesAsync(where);

        var expectedTitles = library.Books.Where(expected).Select(b => b.Title).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedTitles, titles.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task IdFilterDecodesGlobalIds()
    {
        var ids = $"\"{NodeId.Encode("Book", 3)}\", \"{NodeId.Encode("Book", 4)}\"";

        Assert.Equal(["Germinal"], await TitlesAsync($"{{ id: {{ eq: \"{NodeId.Encode("Book", 7)}\" }} }}"));
        Assert.Equal(["100 Pure", "100% Pure"], (await TitlesAsync($"{{ id: {{ in: [{ids}] }} }}")).Order(StringComparer.Ordinal));
        Assert.Equal(23, (await TitlesAsync($"{{ id: {{ nin: [{ids}] }} }}")).Count);
        Assert.Equal(24, (await TitlesAsync($"{{ id: {{ neq: \"{NodeId.Encode("Book", 7)}\" }} }}")).Count);
        Assert.Equal(["Émile Zola"], await WriterNamesAsync($"{{ id: {{ eq: \"{NodeId.Encode("Writer", 1)}\" }} }}"));
    }

    [Fact]
    public async Task IdFilterRejectsIdsOfAnotherType()
    {
        var (result, _) = await library.ExecuteAsync($$"""{ books(where: { id: { eq: "{{NodeId.Encode("Writer", 1)}}" } }) { nodes { title } } }""");

        var error = Assert.Single(result.Errors!);
        Assert.Equal(RelayErrorCodes.WrongNodeType, error.Code);
        Assert.Contains("identifies a `Writer`, but an ID of a `Book` was expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullForAValueOperationIsAClearError()
    {
        var (result, _) = await library.ExecuteAsync("""{ books(where: { title: { contains: null } }) { nodes { title } } }""");

        var error = Assert.Single(result.Errors!);
        Assert.Equal(FilterErrorCodes.NullNotAllowed, error.Code);
    }

    [Fact]
    public async Task FiltersTranslateToParameterisedSqlWithCaseFolding()
    {
        library.Recorder.Clear();
        library.ClientEvaluationWarnings.Clear();

        var titles = await TitlesAsync("""{ title: { contains: "secret-value" }, pages: { in: [987654] }, writer: { name: { startsWith: "xyz_" } } }""");

        Assert.Empty(titles);
        var sql = Assert.Single(library.Recorder.Commands, c => c.Contains("casefold", StringComparison.Ordinal));
        Assert.DoesNotContain("secret-value", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("987654", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(library.ClientEvaluationWarnings);
    }

    [Fact]
    public void EmptyOrNullFilterBuildsNoPredicate()
    {
        var filter = new BookFilterInputType();

        Assert.Null(filter.BuildPredicate(null));
        Assert.Null(filter.BuildPredicate(new Dictionary<string, object?>()));
        Assert.Null(filter.BuildPredicate(new Dictionary<string, object?> { ["title"] = null }));
    }

    private static string Fold(string value) => CaseFolding.Fold(value)!;

    private async Task<List<string>> TitlesAsync(string where)
    {
        var (result, json) = await library.ExecuteAsync($"{{ books(first: 50, where: {where}) {{ nodes {{ title }} }} }}");
        Assert.True(result.Errors is null, json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("data").GetProperty("books").GetProperty("nodes")
            .EnumerateArray().Select(n => n.GetProperty("title").GetString()!).ToList();
    }

    private async Task<List<string>> WriterNamesAsync(string where)
    {
        var (result, json) = await library.ExecuteAsync($"{{ writers(where: {where}) {{ nodes {{ name }} }} }}");
        Assert.True(result.Errors is null, json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("data").GetProperty("writers").GetProperty("nodes")
            .EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToList();
    }
}
