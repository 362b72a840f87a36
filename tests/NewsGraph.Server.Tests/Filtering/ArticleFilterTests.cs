using System.Globalization;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Filtering;

/// <summary>
/// Every operation of every filter operation type in the schema, through HTTP, compared with the
/// same predicate evaluated in memory over the database rows (published articles only).
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ArticleFilterTests(ServerFixture fixture)
{
    private static readonly DateTime Tie = new(2024, 11, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SecondTie = new(2025, 6, 14, 8, 30, 0, DateTimeKind.Utc);

    private const string InflationTitle = "Inflation Hits 7.5% In Q3";
    private const string OrstedTitle = "Ørsted Shares Slide After Offshore Wind Write-Down";

    /// <summary>Name → (where literal, in-memory predicate). Each must select some but not all published articles.</summary>
    private static readonly Dictionary<string, (string Where, Func<Article, bool> Expected)> Cases = new()
    {
        // String
        ["string eq"] = ($$"""{ title: { eq: "{{InflationTitle}}" } }""", a => a.Title == InflationTitle),
        ["string neq"] = ($$"""{ title: { neq: "{{InflationTitle}}" } }""", a => a.Title != InflationTitle),
        ["string contains (case-insensitive ASCII)"] = ("""{ title: { contains: "BANK" } }""", a => HasText(a.Title, "bank")),
        ["string ncontains"] = ("""{ title: { ncontains: "bank" } }""", a => !HasText(a.Title, "bank")),
        ["string in"] = ($$"""{ title: { in: ["{{InflationTitle}}", "{{OrstedTitle}}", "No Such Title"] } }""", a => a.Title is InflationTitle or OrstedTitle),
        ["string nin"] = ($$"""{ title: { nin: ["{{InflationTitle}}", "{{OrstedTitle}}"] } }""", a => a.Title is not (InflationTitle or OrstedTitle)),
        ["string startsWith"] = ("""{ title: { startsWith: "s" } }""", a => a.Title.StartsWith('s') || a.Title.StartsWith('S')),
        ["string nstartsWith"] = ("""{ title: { nstartsWith: "s" } }""", a => !(a.Title.StartsWith('s') || a.Title.StartsWith('S'))),
        ["string endsWith"] = ("""{ title: { endsWith: "EUROPE" } }""", a => a.Title.EndsWith("europe", StringComparison.OrdinalIgnoreCase)),
        ["string nendsWith"] = ("""{ title: { nendsWith: "europe" } }""", a => !a.Title.EndsWith("europe", StringComparison.OrdinalIgnoreCase)),
        ["string and inside the operation"] = ("""{ title: { and: [{ contains: "bank" }, { ncontains: "central" }] } }""",
            a => HasText(a.Title, "bank") && !HasText(a.Title, "central")),
        ["string or inside the operation"] = ("""{ title: { or: [{ startsWith: "zürich" }, { endsWith: "q3" }] } }""",
            a => a.Title.StartsWith("Zürich", StringComparison.Ordinal) || a.Title.EndsWith("Q3", StringComparison.Ordinal)),
        ["string on a nullable column (summary)"] = ("""{ summary: { contains: "são" } }""", a => a.Summary is not null && HasText(a.Summary, "São")),

        // Unicode case folding and literal LIKE metacharacters
        ["unicode zürich finds Zürich"] = ("""{ title: { contains: "zürich" } }""", a => a.Title.Contains("Zürich", StringComparison.Ordinal)),
        ["unicode ØRSTED finds Ørsted"] = ("""{ title: { contains: "ØRSTED" } }""", a => a.Title.Contains("Ørsted", StringComparison.Ordinal)),
        ["unicode são finds São"] = ("""{ title: { contains: "são" } }""", a => a.Title.Contains("São", StringComparison.Ordinal)),
        ["unicode CAFÉ finds Café"] = ("""{ title: { contains: "CAFÉ" } }""", a => a.Title.Contains("Café", StringComparison.Ordinal)),
        ["unicode startsWith ørsted"] = ("""{ title: { startsWith: "ørsted" } }""", a => a.Title.StartsWith("Ørsted", StringComparison.Ordinal)),
        ["literal 7.5%"] = ("""{ title: { contains: "7.5%" } }""", a => a.Title.Contains("7.5%", StringComparison.Ordinal)),
        ["literal % alone"] = ("""{ title: { contains: "%" } }""", a => a.Title.Contains('%', StringComparison.Ordinal)),
        ["literal % in summary"] = ("""{ summary: { contains: "%" } }""", a => a.Summary is not null && a.Summary.Contains('%', StringComparison.Ordinal)),
        ["literal _ alone"] = ("""{ body: { contains: "_" } }""", a => a.Body.Contains('_', StringComparison.Ordinal)),
        ["literal snake_case"] = ("""{ body: { contains: "snake_case" } }""", a => a.Body.Contains("snake_case", StringComparison.OrdinalIgnoreCase)),
        ["literal % in endsWith"] = ("""{ title: { endsWith: "5% IN Q3" } }""", a => a.Title.EndsWith("5% In Q3", StringComparison.Ordinal)),

        // Int (wordCount): thresholds are the median computed from the rows, see IntCases.
        // DateTime (publishedAt) around the three-way tie
        ["datetime eq"] = ("""{ publishedAt: { eq: "2024-11-07T12:00:00Z" } }""", a => a.PublishedAt == Tie),
        ["datetime eq with +02:00 offset"] = ("""{ publishedAt: { eq: "2024-11-07T14:00:00+02:00" } }""", a => a.PublishedAt == Tie),
        ["datetime eq with -05:30 offset"] = ("""{ publishedAt: { eq: "2025-06-14T03:00:00-05:30" } }""", a => a.PublishedAt == SecondTie),
        ["datetime neq"] = ("""{ publishedAt: { neq: "2024-11-07T12:00:00Z" } }""", a => a.PublishedAt != Tie),
        ["datetime in"] = ("""{ publishedAt: { in: ["2024-11-07T12:00:00Z", "2025-06-14T10:30:00+02:00"] } }""", a => a.PublishedAt == Tie || a.PublishedAt == SecondTie),
        ["datetime nin"] = ("""{ publishedAt: { nin: ["2024-11-07T12:00:00Z", "2025-06-14T08:30:00Z"] } }""", a => a.PublishedAt != Tie && a.PublishedAt != SecondTie),
        ["datetime gt"] = ("""{ publishedAt: { gt: "2024-11-07T12:00:00Z" } }""", a => a.PublishedAt > Tie),
        ["datetime ngt"] = ("""{ publishedAt: { ngt: "2024-11-07T12:00:00Z" } }""", a => !(a.PublishedAt > Tie)),
        ["datetime gte"] = ("""{ publishedAt: { gte: "2024-11-07T13:00:00+01:00" } }""", a => a.PublishedAt >= Tie),
        ["datetime ngte"] = ("""{ publishedAt: { ngte: "2024-11-07T12:00:00Z" } }""", a => !(a.PublishedAt >= Tie)),
        ["datetime lt"] = ("""{ publishedAt: { lt: "2024-11-07T12:00:00Z" } }""", a => a.PublishedAt < Tie),
        ["datetime nlt"] = ("""{ publishedAt: { nlt: "2024-11-07T12:00:00Z" } }""", a => !(a.PublishedAt < Tie)),
        ["datetime lte"] = ("""{ publishedAt: { lte: "2024-11-07T07:00:00-05:00" } }""", a => a.PublishedAt <= Tie),
        ["datetime nlte"] = ("""{ publishedAt: { nlte: "2024-11-07T12:00:00Z" } }""", a => !(a.PublishedAt <= Tie)),
        ["datetime createdAt gt"] = ("""{ createdAt: { gt: "2025-01-01T00:00:00Z" } }""", a => a.CreatedAt > new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)),

        // Boolean
        ["boolean eq true"] = ("""{ isBreaking: { eq: true } }""", a => a.IsBreaking),
        ["boolean eq false"] = ("""{ isBreaking: { eq: false } }""", a => !a.IsBreaking),
        ["boolean neq true"] = ("""{ isBreaking: { neq: true } }""", a => !a.IsBreaking),

        // Nested objects
        ["nested author slug eq"] = ("""{ author: { slug: { eq: "lukas-brenner" } } }""", a => a.Author.Slug == "lukas-brenner"),
        ["nested author name contains"] = ("""{ author: { name: { contains: "KIM" } } }""", a => HasText(a.Author.Name, "kim")),
        ["nested category parent slug eq news"] = ("""{ category: { parent: { slug: { eq: "news" } } } }""", a => a.Category.Parent?.Slug == "news"),
        ["nested category slug in"] = ("""{ category: { slug: { in: ["crypto", "travel"] } } }""", a => a.Category.Slug is "crypto" or "travel"),
        ["nested category or on parent"] = ("""{ category: { or: [{ slug: { eq: "news" } }, { parent: { slug: { eq: "news" } } }] } }""",
            a => a.Category.Slug == "news" || a.Category.Parent?.Slug == "news"),

        // Lists
        ["tags some"] = ("""{ tags: { some: { slug: { eq: "energy" } } } }""", a => a.Tags.Any(t => t.Slug == "energy")),
        ["tags none"] = ("""{ tags: { none: { slug: { eq: "europe" } } } }""", a => a.Tags.All(t => t.Slug != "europe")),
        ["tags all"] = ("""{ tags: { all: { slug: { in: ["film", "europe", "climate"] } } } }""", a => a.Tags.All(t => t.Slug is "film" or "europe" or "climate")),
        ["tags any true"] = ("""{ tags: { any: true } }""", a => a.Tags.Count > 0),
        ["tags any false"] = ("""{ tags: { any: false } }""", a => a.Tags.Count == 0),
        ["tags some with nested or"] = ("""{ tags: { some: { or: [{ name: { eq: "Bitcoin" } }, { name: { eq: "Ethereum" } }] } } }""",
            a => a.Tags.Any(t => t.Name is "Bitcoin" or "Ethereum")),

        // Top-level combinations
        ["top-level or"] = ("""{ or: [{ isBreaking: { eq: true } }, { category: { slug: { eq: "travel" } } }] }""",
            a => a.IsBreaking || a.Category.Slug == "travel"),
        ["top-level and"] = ("""{ and: [{ isBreaking: { eq: true } }, { publishedAt: { gte: "2023-01-01T00:00:00Z" } }] }""",
            a => a.IsBreaking && a.PublishedAt >= new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        ["sibling fields are ANDed"] = ("""{ isBreaking: { eq: true }, author: { slug: { eq: "lukas-brenner" } } }""",
            a => a.IsBreaking && a.Author.Slug == "lukas-brenner"),
        ["and of ors"] = ("""{ and: [{ or: [{ category: { slug: { eq: "finance" } } }, { category: { slug: { eq: "crypto" } } }] }, { or: [{ isBreaking: { eq: true } }, { tags: { some: { slug: { eq: "regulation" } } } }] }] }""",
            a => a.Category.Slug is "finance" or "crypto" && (a.IsBreaking || a.Tags.Any(t => t.Slug == "regulation"))),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Filter_selects_exactly_the_matching_published_articles(string name)
    {
        var (where, expected) = Cases[name];
        await AssertFilterAsync(where, expected, selectsSomeButNotAll: true);
    }

    [Theory]
    [InlineData("eq")]
    [InlineData("neq")]
    [InlineData("in")]
    [InlineData("nin")]
    [InlineData("gt")]
    [InlineData("ngt")]
    [InlineData("gte")]
    [InlineData("ngte")]
    [InlineData("lt")]
    [InlineData("nlt")]
    [InlineData("lte")]
    [InlineData("nlte")]
    public async Task Int_operation_on_word_count(string operation)
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var counts = published.Select(a => a.WordCount).Order().ToArray();
        int median = counts[counts.Length / 2];
        int other = counts[counts.Length / 4];

        var (value, predicate) = operation switch
        {
            "eq" => (Invariant(median), (Func<int, bool>)(w => w == median)),
            "neq" => (Invariant(median), w => w != median),
            "in" => ($"[{Invariant(median)}, {Invariant(other)}, -1]", w => w == median || w == other),
            "nin" => ($"[{Invariant(median)}, {Invariant(other)}]", w => w != median && w != other),
            "gt" => (Invariant(median), w => w > median),
            "ngt" => (Invariant(median), w => !(w > median)),
            "gte" => (Invariant(median), w => w >= median),
            "ngte" => (Invariant(median), w => !(w >= median)),
            "lt" => (Invariant(median), w => w < median),
            "nlt" => (Invariant(median), w => !(w < median)),
            "lte" => (Invariant(median), w => w <= median),
            "nlte" => (Invariant(median), w => !(w <= median)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        await AssertFilterAsync($"{{ wordCount: {{ {operation}: {value} }} }}", a => predicate(a.WordCount), selectsSomeButNotAll: true);
    }

    [Fact]
    public async Task Int_operation_on_reading_time()
    {
        await AssertFilterAsync("{ readingTimeMinutes: { gte: 3 } }", a => a.ReadingTimeMinutes >= 3, selectsSomeButNotAll: false);
    }

    [Fact]
    public async Task String_eq_is_case_sensitive_like_hot_chocolate_on_sqlite()
    {
        await AssertFilterAsync("""{ title: { eq: "inflation hits 7.5% in q3" } }""", _ => false, selectsSomeButNotAll: false);
    }

    [Theory]
    [InlineData("{ status: { eq: PUBLISHED } }", true)]
    [InlineData("{ status: { in: [PUBLISHED, DRAFT] } }", true)]
    [InlineData("{ status: { nin: [DRAFT, ARCHIVED] } }", true)]
    [InlineData("{ status: { eq: DRAFT } }", false)]
    [InlineData("{ status: { eq: ARCHIVED } }", false)]
    [InlineData("{ status: { in: [DRAFT, ARCHIVED] } }", false)]
    [InlineData("{ status: { neq: PUBLISHED } }", false)]
    public async Task Enum_status_filter_never_reveals_unpublished_articles(string where, bool selectsAllPublished)
    {
        await AssertFilterAsync(where, _ => selectsAllPublished, selectsSomeButNotAll: false);
    }

    [Fact]
    public async Task Id_eq_in_neq_nin_take_global_ids()
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var one = published.OrderBy(a => a.Id).First();
        var two = published.OrderBy(a => a.Id).Last();
        string id1 = Catalogue.GlobalId("Article", one.Id);
        string id2 = Catalogue.GlobalId("Article", two.Id);

        await AssertFilterAsync($$"""{ id: { eq: "{{id1}}" } }""", a => a.Id == one.Id, selectsSomeButNotAll: true);
        await AssertFilterAsync($$"""{ id: { in: ["{{id1}}", "{{id2}}"] } }""", a => a.Id == one.Id || a.Id == two.Id, selectsSomeButNotAll: true);
        await AssertFilterAsync($$"""{ id: { neq: "{{id1}}" } }""", a => a.Id != one.Id, selectsSomeButNotAll: true);
        await AssertFilterAsync($$"""{ id: { nin: ["{{id1}}", "{{id2}}"] } }""", a => a.Id != one.Id && a.Id != two.Id, selectsSomeButNotAll: true);
    }

    [Fact]
    public async Task Id_filter_accepts_legacy_global_ids()
    {
        var one = (await Catalogue.PublishedArticlesAsync(fixture.Server)).OrderBy(a => a.Id).First();
        string legacy = Catalogue.LegacyGlobalId("Article", one.Id);

        await AssertFilterAsync($$"""{ id: { eq: "{{legacy}}" } }""", a => a.Id == one.Id, selectsSomeButNotAll: true);
    }

    [Fact]
    public async Task Id_eq_of_a_draft_finds_nothing()
    {
        var draft = (await Catalogue.UnpublishedArticlesAsync(fixture.Server)).First(a => a.Status == ArticleStatus.Draft);

        await AssertFilterAsync($$"""{ id: { eq: "{{Catalogue.GlobalId("Article", draft.Id)}}" } }""", _ => false, selectsSomeButNotAll: false);
    }

    [Fact]
    public async Task Filter_values_pass_as_variables_too()
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var response = await fixture.Server.PostAsync(
            "query ($where: ArticleFilterInput) { articles(first: 50, where: $where) { nodes { slug } } }",
            new { where = new { title = new { contains = "são" }, publishedAt = new { gte = "2025-01-01T01:00:00+01:00" } } });

        var slugs = Catalogue.Strings(response.SuccessfulData()["articles"]!["nodes"], "slug").Order(StringComparer.Ordinal);
        var expected = published
            .Where(a => a.Title.Contains("São", StringComparison.Ordinal) && a.PublishedAt >= new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))
            .Select(a => a.Slug).Order(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, slugs);
    }

    [Theory]
    [InlineData("'; DROP TABLE \"Articles\"; --")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\") OR 1=1 --")]
    [InlineData("%' OR '%'='")]
    public async Task Sql_metacharacters_match_literally_and_change_nothing(string text)
    {
        var before = await Catalogue.AllArticlesAsync(fixture.Server);
        int totalBefore = await TotalCountAsync();

        foreach (var operation in new[] { "eq", "contains", "startsWith", "endsWith" })
        {
            var response = await fixture.Server.PostAsync(
                $"query ($text: String) {{ articles(first: 50, where: {{ or: [{{ title: {{ {operation}: $text }} }}, {{ body: {{ {operation}: $text }} }}] }}) {{ totalCount nodes {{ slug }} }} }}",
                new { text });
            var articles = response.SuccessfulData()["articles"]!;
            Assert.Empty(articles["nodes"]!.AsArray());
            Assert.Equal(0, articles["totalCount"]!.GetValue<int>());
        }

        // The text inlined in the document (escaped as a GraphQL string) behaves the same.
        var inline = await fixture.Server.PostAsync(
            $"{{ articles(where: {{ title: {{ contains: {System.Text.Json.JsonSerializer.Serialize(text)} }} }}) {{ totalCount }} }}");
        Assert.Equal(0, inline.SuccessfulData()["articles"]!["totalCount"]!.GetValue<int>());

        Assert.Equal(totalBefore, await TotalCountAsync());
        var after = await Catalogue.AllArticlesAsync(fixture.Server);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before.Select(a => (a.Id, a.Title, a.Version)).OrderBy(x => x.Id), after.Select(a => (a.Id, a.Title, a.Version)).OrderBy(x => x.Id));
    }

    private async Task<int> TotalCountAsync()
    {
        var response = await fixture.Server.PostAsync("{ articles { totalCount } }");
        return response.SuccessfulData()["articles"]!["totalCount"]!.GetValue<int>();
    }

    private async Task AssertFilterAsync(string where, Func<Article, bool> expected, bool selectsSomeButNotAll)
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var expectedSlugs = published.Where(expected).Select(a => a.Slug).Order(StringComparer.Ordinal).ToArray();
        if (selectsSomeButNotAll)
        {
            Assert.True(
                expectedSlugs.Length > 0 && expectedSlugs.Length < published.Count,
                $"The case {where} should select some but not all of the {published.Count} articles; it selects {expectedSlugs.Length}.");
        }

        var response = await fixture.Server.PostAsync($"{{ articles(first: 50, where: {where}) {{ totalCount nodes {{ slug status }} }} }}");

        var articles = response.SuccessfulData()["articles"]!;
        var actual = Catalogue.Strings(articles["nodes"], "slug").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedSlugs, actual);
        Assert.Equal(expectedSlugs.Length, articles["totalCount"]!.GetValue<int>());
        Assert.All(Catalogue.Strings(articles["nodes"], "status"), s => Assert.Equal("PUBLISHED", s));
    }

    private static bool HasText(string value, string text) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(value, text, CompareOptions.IgnoreCase) >= 0;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
