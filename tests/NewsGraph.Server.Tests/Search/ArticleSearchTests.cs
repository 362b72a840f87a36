using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Search;

/// <summary><c>searchArticles</c> as a reader uses it, through HTTP, on the sample data (both providers).</summary>
[Collection(SharedServer.Name)]
public sealed class ArticleSearchTests(ServerFixture fixture)
{
    private const string Hits = """
        query($q: String!, $first: Int, $after: String, $last: Int, $before: String, $order: SearchOrder, $where: ArticleFilterInput) {
          searchArticles(query: $q, first: $first, after: $after, last: $last, before: $before, order: $order, where: $where) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { score titleHighlight snippet article { slug title status publishedAt category { slug } } } }
          }
        }
        """;

    [Fact]
    public async Task The_issue_example_finds_the_article_about_xi_in_moscow_first_and_shows_why()
    {
        var hit = (await SearchAsync("xi putin kremlin"))[0]!["node"]!;

        Assert.Equal("chinas-xi-jinping-visits-russia", (string?)hit["article"]!["slug"]);
        Assert.True((double)hit["score"]! > 0);
        Assert.Equal("China&#x27;s <mark>Xi</mark> Jinping Visits Russia - Leaders Pledge To Deepen Ties", (string?)hit["titleHighlight"]);
        var snippet = (string)hit["snippet"]!;
        Assert.Contains("<mark>Putin</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zurich", "zurich-votes-on-housing-levy")] // no accent typed: finds Zürich
    [InlineData("ZÜRICH", "zurich-votes-on-housing-levy")]
    [InlineData("orsted", "orsted-cuts-offshore-wind-outlook")] // Ø is no accent: transliterated
    [InlineData("ørsted", "orsted-cuts-offshore-wind-outlook")]
    [InlineData("sao paulo payments", "payments-startup-raises-series-b")]
    [InlineData("evacuating wildfire", "wildfires-force-evacuations-southern-europe")] // stems: evacuating = evacuations
    [InlineData("crypto exchanges filing bankruptcy", "crypto-exchange-files-for-bankruptcy")] // files = filing
    public async Task Words_match_whatever_their_case_accents_and_form(string query, string expected)
    {
        Assert.Equal(expected, Slug((await SearchAsync(query))[0]));
    }

    [Fact]
    public async Task All_words_must_match()
    {
        var bank = Slugs(await SearchAsync("bank"));
        var bankAndRates = Slugs(await SearchAsync("bank rates"));
        var rates = Slugs(await SearchAsync("rates"));

        Assert.NotEmpty(bankAndRates);
        Assert.Equal(bank.Intersect(rates).Order(), bankAndRates.Order());
        Assert.True(bankAndRates.Count < bank.Count || bankAndRates.Count < rates.Count);
    }

    [Fact]
    public async Task Or_accepts_either_and_binds_tighter_than_and()
    {
        var bitcoin = Slugs(await SearchAsync("bitcoin"));
        var ethereum = Slugs(await SearchAsync("ethereum"));
        Assert.Equal(bitcoin.Union(ethereum).Order(), Slugs(await SearchAsync("bitcoin OR ethereum")).Order());

        // regulator AND (bitcoin OR ethereum)
        var regulator = Slugs(await SearchAsync("regulator"));
        Assert.NotEmpty(regulator.Intersect(bitcoin.Union(ethereum)));
        Assert.NotEmpty(regulator.Except(bitcoin.Union(ethereum)));
        Assert.Equal(regulator.Intersect(bitcoin.Union(ethereum)).Order(), Slugs(await SearchAsync("regulator bitcoin OR ethereum")).Order());
    }

    [Fact]
    public async Task Excluded_words_and_phrases_remove_articles()
    {
        var crypto = Slugs(await SearchAsync("crypto"));
        var bankruptcy = Slugs(await SearchAsync("bankruptcy"));
        var withoutBankruptcy = Slugs(await SearchAsync("crypto -bankruptcy"));

        Assert.NotEmpty(crypto.Intersect(bankruptcy));
        Assert.Equal(crypto.Except(bankruptcy).Order(), withoutBankruptcy.Order());
        Assert.Equal(crypto.Except(Slugs(await SearchAsync("\"proof of stake\""))).Order(), Slugs(await SearchAsync("crypto -\"proof of stake\"")).Order());
    }

    [Fact]
    public async Task A_quoted_phrase_matches_the_words_in_that_order_only()
    {
        var phrase = Slugs(await SearchAsync("\"proof of stake\""));
        var words = Slugs(await SearchAsync("stake proof"));

        Assert.Equal(["ethereum-merge-completed"], phrase);
        Assert.Empty(await SearchAsync("\"stake of proof\""));
        Assert.Contains("ethereum-merge-completed", words);
    }

    [Theory]
    [InlineData("NEAR(bank rates, 5)")]
    [InlineData("title:bank")]
    [InlineData("bank*")]
    [InlineData("^bank")]
    [InlineData("\"unbalanced quote")]
    [InlineData("bank & rates | ! (")]
    [InlineData("bank AND OR NOT rates")]
    [InlineData("'; DROP TABLE \"Articles\"; --")]
    [InlineData("bank\\\"rates\\")]
    [InlineData("OR bank OR")]
    [InlineData("bank -")]
    [InlineData("🏦 bank ✨")]
    [InlineData("C++ rates")]
    public async Task Engine_syntax_typed_by_a_reader_is_plain_text_never_an_error(string query)
    {
        var response = await fixture.Server.PostAsync(Hits, new { q = query, first = 5 });

        Assert.False(response.HasErrors, response.Text);
        Assert.NotNull(response.Data!["searchArticles"]);
    }

    [Fact]
    public async Task Syntax_characters_around_words_do_not_change_what_they_find()
    {
        Assert.Equal(Slugs(await SearchAsync("bank rates")), Slugs(await SearchAsync("bank* ^rates")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\"\"")]
    [InlineData("!!! ... ---")]
    [InlineData("-")]
    [InlineData("-bank")]
    [InlineData("-bank -\"central bank\"")]
    [InlineData("OR")]
    public async Task A_search_with_nothing_to_find_is_a_clear_error(string query)
    {
        var response = await fixture.Server.PostAsync(Hits, new { q = query, first = 5 });

        Assert.Equal("SEARCH_QUERY_EMPTY", response.FirstErrorCode);
        Assert.Null(response.Data!["searchArticles"]);
    }

    [Fact]
    public async Task A_search_too_long_is_refused()
    {
        var tooLong = await fixture.Server.PostAsync(Hits, new { q = string.Join(' ', Enumerable.Repeat("bank", 120)), first = 5 });
        var tooManyTerms = await fixture.Server.PostAsync(Hits, new { q = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}")), first = 5 });

        Assert.Equal("SEARCH_QUERY_TOO_LONG", tooLong.FirstErrorCode);
        Assert.Equal("SEARCH_QUERY_TOO_LONG", tooManyTerms.FirstErrorCode);
    }

    [Fact]
    public async Task Readers_find_published_articles_only()
    {
        // "festival" is in the draft "Festival Season Preview" and in published articles.
        var hits = await SearchAsync("festival");

        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal("PUBLISHED", (string?)hit!["node"]!["article"]!["status"]));
        Assert.DoesNotContain("draft-festival-preview", Slugs(hits));
        Assert.Empty(await SearchAsync("\"festival season preview\""));
    }

    [Fact]
    public async Task Relevance_order_is_by_score_and_pages_walk_the_same_list_both_ways()
    {
        var all = await SearchAsync("the", first: 50);
        Assert.True(all.Count > 10);
        var scores = all.Select(hit => (double)hit!["node"]!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        Assert.Equal(Slugs(all), await WalkAsync("the", forward: true, pageSize: 3));
        Assert.Equal(Slugs(all), await WalkAsync("the", forward: false, pageSize: 4));
    }

    [Fact]
    public async Task Newest_order_is_by_publication_date()
    {
        var hits = await SearchAsync("the", first: 50, order: "NEWEST");
        var dates = hits.Select(hit => DateTime.Parse((string)hit!["node"]!["article"]!["publishedAt"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.True(dates.Count > 10);
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(Slugs(hits), await WalkAsync("the", forward: true, pageSize: 5, order: "NEWEST"));
    }

    [Fact]
    public async Task Where_narrows_the_matches_with_the_usual_filters()
    {
        var all = await SearchAsync("the", first: 50);
        var news = await SearchAsync("the", first: 50, where: new { category = new { slug = new { eq = "news" } } });
        var since2026 = await SearchAsync("the", first: 50, where: new { publishedAt = new { gte = "2026-01-01T00:00:00Z" } });

        Assert.NotEmpty(news);
        Assert.All(news, hit => Assert.Equal("news", (string?)hit!["node"]!["article"]!["category"]!["slug"]));
        Assert.Equal(Slugs(all).Where(Slugs(news).Contains), Slugs(news));
        Assert.NotEmpty(since2026);
        Assert.True(since2026.Count < all.Count);
    }

    [Fact]
    public async Task TotalCount_counts_every_match()
    {
        var response = await fixture.Server.PostAsync(Hits, new { q = "bank", first = 1 });
        var connection = response.SuccessfulData()["searchArticles"]!;

        Assert.Equal((await SearchAsync("bank", first: 50)).Count, (int)connection["totalCount"]!);
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task A_cursor_of_another_search_order_is_refused()
    {
        var newest = await SearchAsync("the", first: 2, order: "NEWEST");
        var response = await fixture.Server.PostAsync(Hits, new { q = "the", first = 2, after = (string)newest[1]!["cursor"]! });

        Assert.Equal("HC0078", response.FirstErrorCode);
    }

    [Fact]
    public async Task Huge_pages_are_refused_as_for_every_connection()
    {
        var response = await fixture.Server.PostAsync(Hits, new { q = "bank", first = 100_000 });

        Assert.Equal("HC0051", response.FirstErrorCode);
    }

    private async Task<List<string>> WalkAsync(string query, bool forward, int pageSize, string? order = null)
    {
        var slugs = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var response = await fixture.Server.PostAsync(Hits, forward
                ? new { q = query, first = (int?)pageSize, after = cursor, last = (int?)null, before = (string?)null, order }
                : new { q = query, first = (int?)null, after = (string?)null, last = (int?)pageSize, before = cursor, order });
            var connection = response.SuccessfulData()["searchArticles"]!;
            var pageSlugs = Slugs(connection["edges"]!.AsArray());
            if (forward)
            {
                slugs.AddRange(pageSlugs);
            }
            else
            {
                slugs.InsertRange(0, pageSlugs);
            }

            var more = (bool)connection["pageInfo"]![forward ? "hasNextPage" : "hasPreviousPage"]!;
            if (!more)
            {
                return slugs;
            }

            cursor = (string?)connection["pageInfo"]![forward ? "endCursor" : "startCursor"];
        }

        throw new InvalidOperationException("Paging did not end.");
    }

    private async Task<JsonArray> SearchAsync(string query, int first = 20, string? order = null, object? where = null)
    {
        var response = await fixture.Server.PostAsync(Hits, new { q = query, first, order, where });
        return response.SuccessfulData()["searchArticles"]!["edges"]!.AsArray();
    }

    private static string Slug(JsonNode? edge) => (string)edge!["node"]!["article"]!["slug"]!;

    private static List<string> Slugs(JsonArray edges) => edges.Select(Slug).ToList();
}
