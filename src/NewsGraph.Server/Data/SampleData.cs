using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace NewsGraph.Server.Data;

/// <summary>
/// The demo catalogue loaded on first start: the real article from the sample page plus a few
/// dozen hand-written stories chosen to exercise paging ties, visibility, breaking news and
/// non-ASCII / <c>%</c> / <c>_</c> filtering. Deterministic: no clock, no randomness.
/// </summary>
public static class SampleData
{
    public const string RealArticleSlug = "chinas-xi-jinping-visits-russia";

    private const string ResourcePrefix = "NewsGraph.Server.Data.SampleContent.";
    private const string ImageBaseUrl = "https://cdn.newsgraph.example/images/";

    private const string WilliamWillisBio =
        "William Willis is a freelance writer and social media manager who specializes in assisting finance professionals and Fintech entrepreneurs in growing their online audience and attracting more paying customers. " +
        "William worked as a bank teller and virtual assistant for financial firms in the United States and the United Kingdom for six years before beginning her writing career. " +
        "William is a strong force in the workplace, inspiring others to work hard and excel with his optimistic attitude and boundless energy. " +
        "He enjoys hiking, crocheting, and playing video games with his children in his spare time.";

    private static readonly SampleAuthor[] Authors =
    [
        new("william-willis", "William Willis", WilliamWillisBio),
        new("amara-okafor", "Amara Okafor", "Amara Okafor is our diplomatic correspondent. She has reported from Brussels, Addis Ababa and New York, covering summits, sanctions and the United Nations."),
        new("lukas-brenner", "Lukas Brenner", "Lukas Brenner writes about banks, central banks and energy markets from Zürich. Before journalism he spent eight years as a bond analyst."),
        new("sofia-ribeiro", "Sofia Ribeiro", "Sofia Ribeiro is a culture and travel writer based in São Paulo and Lisbon. She has eaten her way through more markets than she can remember."),
        new("daniel-kim", "Daniel Kim", "Daniel Kim covers cryptocurrencies, fintech and the regulators trying to keep up with them. He previously built payment systems for a Seoul bank."),
        new("hannah-lindqvist", "Hannah Lindqvist", "Hannah Lindqvist is our health editor. Trained as a nurse in Gothenburg, she writes about public health, nutrition and the science behind the headlines."),
    ];

    private static readonly (string Slug, string Name)[] Tags =
    [
        ("china", "China"), ("russia", "Russia"), ("diplomacy", "Diplomacy"), ("ukraine", "Ukraine"),
        ("europe", "Europe"), ("markets", "Markets"), ("inflation", "Inflation"), ("central-banks", "Central Banks"),
        ("energy", "Energy"), ("climate", "Climate"), ("bitcoin", "Bitcoin"), ("ethereum", "Ethereum"),
        ("regulation", "Regulation"), ("film", "Film"), ("music", "Music"), ("aviation", "Aviation"),
        ("public-health", "Public Health"), ("food", "Food"), ("royals", "Royals"), ("latin-america", "Latin America"),
    ];

    // Three articles share 2024-11-07T12:00:00Z and two share 2025-06-14T08:30:00Z: paging must
    // break those ties by Id.
    private static readonly SampleArticle[] Articles =
    [
        new(RealArticleSlug, "China's Xi Jinping Visits Russia - Leaders Pledge To Deepen Ties",
            "On the first day of a state visit billed by Beijing as a peacemaking initiative despite widespread skepticism in Kyiv and the West, China's Xi Jinping visits Russia, and meets Vladimir Putin in the Kremlin and emphasized China and Russia's close connections and shared strategic goals.",
            "news", "william-willis", ["china", "russia", "diplomacy", "ukraine"], "2023-03-21T05:02:21.739Z",
            CanonicalUrl: "https://washingtonindependent.com/chinas-xi-jinping-visits-russia/"),
        new("eu-leaders-agree-emergency-energy-package", "EU Leaders Agree Emergency Energy Package After All-Night Summit",
            "A temporary cap on wholesale gas prices and joint purchasing were agreed after eleven hours of talks in Brussels.",
            "news", "amara-okafor", ["europe", "energy", "diplomacy"], "2025-02-14T04:45:00Z"),
        new("un-security-council-emergency-session-black-sea", "UN Security Council Meets After Grain Ship Struck Near Odesa",
            "Ukraine and Russia traded accusations as insurers reassessed the risks of shipping through the Black Sea.",
            "news", "amara-okafor", ["ukraine", "russia", "diplomacy"], "2025-09-02T17:20:00Z", Breaking: true),
        new("zurich-votes-on-housing-levy", "Zürich To Vote On Levy For Empty Apartments",
            "With a vacancy rate below 0.1 percent, the city asks voters whether owners of long-empty flats should pay.",
            "news", "lukas-brenner", ["europe"], "2026-03-10T07:00:00Z"),
        new("wildfires-force-evacuations-southern-europe", "Wildfires Force Thousands To Evacuate Across Southern Europe",
            "Firefighting aircraft from three countries were deployed as strong winds drove fires towards coastal towns.",
            "news", "hannah-lindqvist", ["climate", "europe"], "2026-07-26T15:10:00Z", Breaking: true),
        new("g20-finance-ministers-debt-relief", "G20 Ministers Pledge Faster Debt Relief For Poorest Countries",
            "Ministers promised clear timelines for restructurings, but campaigners said private creditors were let off lightly.",
            "news", "amara-okafor", ["markets", "diplomacy"], "2024-02-29T18:00:00Z"),
        new("pension-reform-protests-paris", "Hundreds Of Thousands March Against Pension Reform In France",
            "Strikes spread to railways, refineries and schools as unions opposed raising the pension age to 64.",
            "news", "amara-okafor", ["europe"], "2023-01-19T19:30:00Z"),
        new("queen-elizabeth-ii-dies-at-96", "Queen Elizabeth II Dies At 96",
            "Britain's longest-reigning monarch died at Balmoral; her son succeeds her as King Charles III.",
            "archive", "amara-okafor", ["royals"], "2022-09-08T17:30:00Z", Breaking: true),
        new("world-cup-qatar-opening-ceremony", "World Cup Opens In Qatar Amid Controversy",
            "Ecuador spoiled the hosts' opening night in the first winter World Cup.",
            "archive", "sofia-ribeiro", [], "2022-11-20T19:45:00Z"),
        new("twitter-acquisition-completed", "Musk Completes $44bn Twitter Takeover And Fires Top Executives",
            "The deal closed after six months of legal battles; the chief executive was among the first to leave.",
            "archive", "daniel-kim", ["markets"], "2022-10-28T03:00:00Z"),
        new("archived-election-live-blog", "Election Night Live: Polls Close",
            "Our live coverage of election night, now archived.",
            "archive", "amara-okafor", ["europe"], "2022-06-19T20:00:00Z", Status: ArticleStatus.Archived),
        new("pop-star-announces-farewell-tour", "Pop Icon Announces Farewell Tour After Four Decades",
            "Sixty dates on four continents, from Lisbon to São Paulo and Los Angeles, will be her last.",
            "celebrities", "sofia-ribeiro", ["music"], "2025-10-06T09:00:00Z"),
        new("actor-opens-cafe-in-lisbon", "Oscar Nominee Opens Neighbourhood Café In Lisbon's Alfama",
            "The actor was behind the counter on opening day at Café Saudade, serving pastéis de nata.",
            "celebrities", "sofia-ribeiro", ["food"], "2024-05-18T11:15:00Z"),
        new("royal-couple-visit-caribbean", "Prince And Princess Of Wales Begin Caribbean Tour",
            "An eight-day visit meant to strengthen Commonwealth ties was greeted by calls for reparations.",
            "celebrities", "amara-okafor", ["royals", "diplomacy"], "2022-03-19T14:00:00Z"),
        new("inflation-hits-7-5-percent-in-q3", "Inflation Hits 7.5% In Q3",
            "Energy bills up 38% and food up 11% pushed inflation to a three-decade high, above the 6.9% forecast.",
            "finance", "lukas-brenner", ["inflation", "markets", "central-banks"], "2022-10-19T06:00:00Z", Breaking: true),
        new("orsted-cuts-offshore-wind-outlook", "Ørsted Shares Slide After Offshore Wind Write-Down",
            "The Danish group blamed higher interest rates and costlier turbines for writing down US projects.",
            "finance", "lukas-brenner", ["energy", "markets", "climate"], "2024-11-07T12:00:00Z"),
        new("central-bank-raises-rates-again", "Central Bank Raises Rates For Tenth Time In A Row",
            "A split committee lifted rates by a quarter point and left the door open to more.",
            "finance", "lukas-brenner", ["central-banks", "inflation"], "2024-11-07T12:00:00Z"),
        new("swiss-bank-rescue-weekend", "Swiss Authorities Broker Emergency Bank Takeover",
            "Emergency law, a huge liquidity line and wiped-out bondholders: how a weekend in Bern and Zürich ended.",
            "finance", "lukas-brenner", ["markets", "central-banks", "regulation"], "2023-03-19T18:30:00Z", Breaking: true),
        new("payments-startup-raises-series-b", "São Paulo Payments Start-Up Raises $120 Million",
            "Brazil's instant payment boom is drawing investors to services that help small shops avoid card fees.",
            "finance", "sofia-ribeiro", ["latin-america", "markets"], "2025-04-22T13:00:00Z"),
        new("draft-budget-leak-analysis", "Leaked Draft Budget: What We Know So Far",
            "Unconfirmed figures from a leaked treasury document.",
            "finance", "lukas-brenner", ["inflation"], null, Status: ArticleStatus.Draft, DraftCreatedAt: "2026-11-20T10:00:00Z"),
        new("bitcoin-etf-approved", "US Regulator Approves First Spot Bitcoin ETFs",
            "Eleven funds were cleared at once, ending a decade-long campaign by the industry.",
            "crypto", "daniel-kim", ["bitcoin", "regulation", "markets"], "2024-01-10T21:30:00Z", Breaking: true),
        new("ethereum-merge-completed", "Ethereum Completes The Merge To Proof Of Stake",
            "The network's switch cuts its energy use by more than 99% without interrupting block production.",
            "crypto", "daniel-kim", ["ethereum", "energy"], "2022-09-15T06:45:00Z"),
        new("crypto-exchange-files-for-bankruptcy", "Crypto Exchange Files For Bankruptcy After Run On Deposits",
            "A week that began with questions about a balance sheet ended in a Delaware courtroom.",
            "crypto", "daniel-kim", ["bitcoin", "regulation"], "2022-11-11T15:00:00Z"),
        new("stablecoin-rules-take-effect", "Europe's Stablecoin Rules Take Effect",
            "Issuers need a licence and bank-held reserves; exchanges delisted tokens that lacked authorisation.",
            "crypto", "daniel-kim", ["regulation", "europe"], "2024-06-30T08:00:00Z"),
        new("draft-crypto-winter-explainer", "What A Crypto Winter Means For Savers",
            "Explainer in progress.",
            "crypto", "daniel-kim", ["bitcoin"], null, Status: ArticleStatus.Draft, DraftCreatedAt: "2026-10-02T09:30:00Z"),
        new("film-festival-awards-golden-prize", "Alpine Family Drama Wins Festival's Top Prize",
            "A first-time director's story of three sisters running a hotel beat a field of Hollywood productions.",
            "entertainment", "sofia-ribeiro", ["film", "europe"], "2025-06-14T08:30:00Z"),
        new("streaming-service-price-rise", "Streaming Giant Raises Prices And Extends Password Crackdown",
            "Nine million new subscribers in the quarter gave the company room to charge more.",
            "entertainment", "daniel-kim", ["film", "markets"], "2024-11-07T12:00:00Z"),
        new("summer-blockbuster-box-office-record", "Double-Bill Weekend Breaks Post-Pandemic Box Office Record",
            "Two very different films opening together took more than $240 million in North America.",
            "entertainment", "sofia-ribeiro", ["film"], "2023-07-23T22:00:00Z"),
        new("draft-festival-preview", "Festival Season Preview",
            "Line-up to be confirmed.",
            "entertainment", "sofia-ribeiro", ["music"], null, Status: ArticleStatus.Draft, DraftCreatedAt: "2026-11-25T16:00:00Z"),
        new("sao-paulo-street-food-guide", "Eating São Paulo: A Street Food Guide",
            "From mortadella sandwiches at the Mercado Municipal to Sunday yakisoba in Liberdade.",
            "travel", "sofia-ribeiro", ["food", "latin-america"], "2025-03-08T10:00:00Z"),
        new("night-trains-return-to-europe", "Night Trains Are Back: Sleeping Your Way Across Europe",
            "New sleepers link Paris, Berlin, Brussels, Prague, Zürich and Amsterdam — if you can live with delays.",
            "travel", "sofia-ribeiro", ["europe", "climate"], "2025-06-14T08:30:00Z"),
        new("airports-summer-chaos", "Queues And Cancellations As Holiday Rush Hits European Airports",
            "Staff shortages left passengers waiting hours at security on the first day of the school holidays.",
            "travel", "william-willis", ["aviation", "europe"], "2022-07-01T12:30:00Z"),
        new("who-declares-end-of-covid-emergency", "WHO Declares End To Covid-19 Global Health Emergency",
            "More than three years after sounding the alarm, the organisation says the virus is no longer an emergency, but still a threat.",
            "health", "hannah-lindqvist", ["public-health"], "2023-05-05T13:40:00Z", Breaking: true),
        new("mediterranean-diet-study", "Mediterranean Diet Linked To Longer Life In 25-Year Study",
            "Women who ate more vegetables, olive oil and fish had a roughly 23% lower risk of death from any cause.",
            "health", "hannah-lindqvist", ["food", "public-health"], "2024-06-03T09:00:00Z"),
        new("heatwave-health-warning", "Highest Heat Warning Issued As Temperatures Pass 40C",
            "Doctors urged people to check on elderly neighbours as hospitals postponed non-urgent operations.",
            "health", "hannah-lindqvist", ["public-health", "climate"], "2026-07-18T06:30:00Z"),
        new("museum-returns-bronzes", "European Museum Returns Benin Bronzes To Nigeria",
            "More than twenty objects looted in 1897 were handed back in a ceremony attended by both governments.",
            "others", "amara-okafor", ["diplomacy"], "2022-12-20T11:00:00Z"),
        new("chess-prodigy-becomes-grandmaster", "Twelve-Year-Old From Chennai Becomes Chess Grandmaster",
            "She secured her final norm in Budapest and now has her sights on the Candidates tournament.",
            "others", "william-willis", [], "2026-01-11T18:00:00Z"),
    ];

    /// <summary>Adds the whole sample catalogue. The caller decides whether the database is empty.</summary>
    public static async Task SeedAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        Dictionary<string, Category> categories = SampleCategories.Create().ToDictionary(c => c.Slug);
        Dictionary<string, Author> authors = Authors.ToDictionary(
            a => a.Slug,
            a => new Author { Slug = a.Slug, Name = a.Name, Bio = a.Bio, AvatarUrl = $"https://cdn.newsgraph.example/authors/{a.Slug}.jpg" });
        Dictionary<string, Tag> tags = Tags.ToDictionary(t => t.Slug, t => new Tag { Slug = t.Slug, Name = t.Name });

        db.AddRange(categories.Values);
        db.AddRange(authors.Values);
        db.AddRange(tags.Values);

        foreach (SampleArticle sample in Articles)
        {
            string body = await ReadBodyAsync(sample.Slug, cancellationToken);
            int words = TextStatistics.CountWords(body);
            DateTime? publishedAt = sample.PublishedAt is null ? null : ParseUtc(sample.PublishedAt);

            // Fixed, plausible editorial timeline: written three hours before publication, last touched at it.
            DateTime createdAt = publishedAt?.AddHours(-3) ?? ParseUtc(sample.DraftCreatedAt!);
            DateTime updatedAt = publishedAt ?? createdAt.AddMinutes(45);

            var article = new Article
            {
                Slug = sample.Slug,
                Title = sample.Title,
                Summary = sample.Summary,
                Body = body,
                Status = sample.Status,
                IsBreaking = sample.Breaking,
                PublishedAt = publishedAt,
                CreatedAt = createdAt,
                UpdatedAt = updatedAt,
                WordCount = words,
                ReadingTimeMinutes = TextStatistics.ReadingTimeMinutes(words),
                HeroImageUrl = sample.Status == ArticleStatus.Draft ? null : $"{ImageBaseUrl}{sample.Slug}.jpg",
                CanonicalUrl = sample.CanonicalUrl,
                Version = 1,
                Author = authors[sample.Author],
                Category = categories[sample.Category],
            };
            foreach (string tagSlug in sample.Tags)
            {
                article.Tags.Add(tags[tagSlug]);
            }

            db.Add(article);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTime ParseUtc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static async Task<string> ReadBodyAsync(string slug, CancellationToken cancellationToken)
    {
        string resourceName = $"{ResourcePrefix}{slug}.md";
        await using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Sample content '{resourceName}' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        string body = await reader.ReadToEndAsync(cancellationToken);
        return body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
    }

    private sealed record SampleAuthor(string Slug, string Name, string Bio);

    private sealed record SampleArticle(
        string Slug,
        string Title,
        string Summary,
        string Category,
        string Author,
        string[] Tags,
        string? PublishedAt,
        ArticleStatus Status = ArticleStatus.Published,
        bool Breaking = false,
        string? CanonicalUrl = null,
        string? DraftCreatedAt = null);
}
