using Bogus;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Cli;

/// <summary>
/// Appends a large generated catalogue (authors, tags, articles) to a migrated SQLite database.
/// Uses prepared ADO.NET commands in one transaction per batch: EF change tracking would cost more
/// than the inserts themselves at 100k rows. Ids are assigned here so join rows need no read-back.
/// </summary>
internal sealed class CatalogueSeeder
{
    private const double DraftShare = 0.03;
    private const double ArchivedShare = 0.01;
    private const double BreakingShare = 0.02;
    private const int MinBodyWords = 300;
    private const int MaxBodyWords = 1500;
    private const int TagTarget = 200;

    private static readonly DateTime FirstPublication = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LastPublication = new(2026, 6, 30, 23, 59, 0, DateTimeKind.Utc);

    private static readonly string[] TopicTags =
    [
        "Politics", "Elections", "Economy", "Markets", "Inflation", "Central Banks", "Energy", "Climate",
        "Technology", "Artificial Intelligence", "Cybersecurity", "Space", "Science", "Health", "Vaccines",
        "Education", "Housing", "Transport", "Aviation", "Rail", "Football", "Tennis", "Olympics", "Film",
        "Music", "Television", "Books", "Fashion", "Food", "Wine", "Royals", "Crime", "Courts", "Migration",
        "Trade", "Bitcoin", "Ethereum", "Regulation", "Startups", "Banking", "Agriculture", "Oceans",
        "Wildlife", "Weather", "Diplomacy", "Defence", "Human Rights", "Labour", "Retail", "Property",
    ];

    private readonly NewsDbContext _db;
    private readonly SeedOptions _options;
    private readonly Faker _faker;
    private readonly NewsTextGenerator _text;

    public CatalogueSeeder(NewsDbContext db, SeedOptions options)
    {
        _db = db;
        _options = options;
        // A private Randomizer rather than the global Randomizer.Seed: deterministic and safe
        // when several seeders run in one process.
        _faker = new Faker("en") { Random = new Randomizer(options.Seed) };
        _text = new NewsTextGenerator(_faker);
    }

    /// <summary>Adds the catalogue; <paramref name="onArticlesWritten"/> receives each committed batch size.</summary>
    public async Task SeedAsync(Action<int> onArticlesWritten, CancellationToken ct)
    {
        await _db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)_db.Database.GetDbConnection();
            await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL;", ct);

            int[] categoryIds = await EnsureCategoriesAsync(ct);
            int[] authorIds = await InsertAuthorsAsync(connection, Math.Max(20, _options.Articles / 200), ct);
            int[] tagIds = await EnsureTagsAsync(connection, ct);
            await InsertArticlesAsync(connection, categoryIds, authorIds, tagIds, onArticlesWritten, ct);

            // Fresh, complete statistics let SQLite pick the keyset indexes. A sampled ANALYZE (analysis_limit)
            // misjudged the few-valued Status column (about 1,000 rows per status instead of 96,000 published),
            // which made sorting the whole table look cheap; a full one takes seconds at 100k rows.
            await ExecuteAsync(connection, "ANALYZE;", ct);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int[]> EnsureCategoriesAsync(CancellationToken ct)
    {
        if (!await _db.Categories.AnyAsync(ct))
        {
            _db.AddRange(SampleCategories.Create());
            await _db.SaveChangesAsync(ct);
            _db.ChangeTracker.Clear();
        }

        return [.. await _db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct)];
    }

    private async Task<int[]> InsertAuthorsAsync(SqliteConnection connection, int count, CancellationToken ct)
    {
        int nextId = await MaxIdAsync(connection, "Authors", ct) + 1;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using SqliteCommand insert = Prepare(connection, transaction,
            "INSERT INTO Authors (Id, Slug, Name, Bio, AvatarUrl) VALUES ($id, $slug, $name, $bio, $avatar)",
            "$id", "$slug", "$name", "$bio", "$avatar");

        var ids = new int[count];
        for (int i = 0; i < count; i++)
        {
            int id = nextId + i;
            string name = _faker.Name.FullName();
            string slug = $"{SlugText.From(name)}-{id}";
            string bio = $"{name} is {_faker.Name.JobTitle().ToLowerInvariant()} turned reporter, covering {_faker.PickRandom(TopicTags).ToLowerInvariant()} from {_faker.Address.City()}.";
            await RunAsync(insert, ct, id, slug, name, bio, $"https://cdn.newsgraph.example/authors/{slug}.jpg");
            ids[i] = id;
        }

        await transaction.CommitAsync(ct);
        return ids;
    }

    // Tags are shared across runs: a slug that already exists is reused, not duplicated.
    private async Task<int[]> EnsureTagsAsync(SqliteConnection connection, CancellationToken ct)
    {
        var wanted = new List<(string Slug, string Name)>(TagTarget);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in TopicTags)
        {
            AddTag(name);
        }

        // Bogus has ~250 countries; stop on the target or when it runs dry.
        for (int attempt = 0; wanted.Count < TagTarget && attempt < 5000; attempt++)
        {
            AddTag(_faker.Address.Country());
        }

        var existing = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (SqliteCommand select = connection.CreateCommand())
        {
            select.CommandText = "SELECT Slug, Id FROM Tags";
            await using SqliteDataReader reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                existing[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        int nextId = await MaxIdAsync(connection, "Tags", ct) + 1;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using SqliteCommand insert = Prepare(connection, transaction,
            "INSERT INTO Tags (Id, Slug, Name) VALUES ($id, $slug, $name)", "$id", "$slug", "$name");
        var ids = new int[wanted.Count];
        for (int i = 0; i < wanted.Count; i++)
        {
            (string slug, string name) = wanted[i];
            if (!existing.TryGetValue(slug, out int id))
            {
                id = nextId++;
                await RunAsync(insert, ct, id, slug, name);
            }

            ids[i] = id;
        }

        await transaction.CommitAsync(ct);
        return ids;

        void AddTag(string name)
        {
            string slug = SlugText.From(name);
            if (slug.Length > 0 && seen.Add(slug))
            {
                wanted.Add((slug, name));
            }
        }
    }

    private async Task InsertArticlesAsync(
        SqliteConnection connection, int[] categoryIds, int[] authorIds, int[] tagIds, Action<int> onArticlesWritten, CancellationToken ct)
    {
        int nextId = await MaxIdAsync(connection, "Articles", ct) + 1;
        int publicationMinutes = (int)(LastPublication - FirstPublication).TotalMinutes;
        var articleTags = new List<int>(4);

        for (int written = 0; written < _options.Articles;)
        {
            int batch = Math.Min(_options.BatchSize, _options.Articles - written);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using SqliteCommand insertArticle = Prepare(connection, transaction,
                """
                INSERT INTO Articles (Id, Slug, Title, Summary, Body, Status, IsBreaking, PublishedAt, CreatedAt, UpdatedAt,
                    WordCount, ReadingTimeMinutes, HeroImageUrl, CanonicalUrl, Version, AuthorId, CategoryId)
                VALUES ($id, $slug, $title, $summary, $body, $status, $breaking, $published, $created, $updated,
                    $words, $minutes, $hero, NULL, 1, $author, $category)
                """,
                "$id", "$slug", "$title", "$summary", "$body", "$status", "$breaking", "$published", "$created", "$updated",
                "$words", "$minutes", "$hero", "$author", "$category");
            await using SqliteCommand insertTag = Prepare(connection, transaction,
                "INSERT INTO ArticleTags (ArticleId, TagId) VALUES ($article, $tag)", "$article", "$tag");

            for (int i = 0; i < batch; i++)
            {
                ct.ThrowIfCancellationRequested();
                int id = nextId++;
                string title = _text.Headline();
                string body = _text.Body(MinBodyWords + (int)((MaxBodyWords - MinBodyWords) * Math.Pow(_faker.Random.Double(), 2)));
                int words = TextStatistics.CountWords(body);
                double roll = _faker.Random.Double();
                ArticleStatus status = roll < DraftShare ? ArticleStatus.Draft
                    : roll < DraftShare + ArchivedShare ? ArticleStatus.Archived
                    : ArticleStatus.Published;

                // Whole minutes, so 100k articles over six years produce real PublishedAt ties.
                DateTime published = FirstPublication.AddMinutes(_faker.Random.Int(0, publicationMinutes));
                DateTime created = published.AddMinutes(-_faker.Random.Int(20, 600));
                DateTime updated = _faker.Random.Bool(0.2f) ? published.AddMinutes(_faker.Random.Int(5, 4320)) : published;

                await RunAsync(insertArticle, ct,
                    id,
                    $"{SlugText.From(title)}-{id}",
                    title,
                    _text.Standfirst(),
                    body,
                    (int)status,
                    _faker.Random.Double() < BreakingShare,
                    status == ArticleStatus.Draft ? null : published,
                    created,
                    status == ArticleStatus.Draft ? created : updated,
                    words,
                    TextStatistics.ReadingTimeMinutes(words),
                    _faker.Random.Bool(0.8f) ? $"https://cdn.newsgraph.example/images/{id}.jpg" : null,
                    _faker.PickRandom(authorIds),
                    _faker.PickRandom(categoryIds));

                articleTags.Clear();
                int tagCount = _faker.Random.Int(1, 4);
                while (articleTags.Count < tagCount)
                {
                    int tagId = _faker.PickRandom(tagIds);
                    if (!articleTags.Contains(tagId))
                    {
                        articleTags.Add(tagId);
                        await RunAsync(insertTag, ct, id, tagId);
                    }
                }
            }

            await transaction.CommitAsync(ct);
            written += batch;
            onArticlesWritten(batch);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameterNames)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (string name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, CancellationToken ct, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> MaxIdAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using SqliteCommand command = connection.CreateCommand();
        // Table names are our own constants, never user input.
#pragma warning disable CA2100
        command.CommandText = $"SELECT COALESCE(MAX(Id), 0) FROM {table}";
#pragma warning restore CA2100
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
