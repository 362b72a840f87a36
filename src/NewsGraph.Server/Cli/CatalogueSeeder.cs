using System.Data;
using System.Data.Common;
using Bogus;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;
using NewsGraph.Server.Search;

namespace NewsGraph.Server.Cli;

/// <summary>
/// Appends a large generated catalogue (authors, tags, articles) to a migrated database, SQLite or PostgreSQL.
/// Uses prepared ADO.NET commands in one transaction per batch: EF change tracking would cost more
/// than the inserts themselves at 100k rows. Ids are assigned here so join rows need no read-back, and the same
/// seed gives the same rows on either provider. The SQL is written for both: <c>@name</c> parameters and
/// double-quoted identifiers, which Microsoft.Data.Sqlite and Npgsql both accept.
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
        bool sqlite = _db.Database.IsSqlite();
        await _db.Database.OpenConnectionAsync(ct);
        try
        {
            DbConnection connection = _db.Database.GetDbConnection();
            if (sqlite)
            {
                await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL;", ct);
            }

            int[] categoryIds = await EnsureCategoriesAsync(ct);
            int[] authorIds = await InsertAuthorsAsync(connection, Math.Max(20, _options.Articles / 200), ct);
            int[] tagIds = await EnsureTagsAsync(connection, ct);
            await InsertArticlesAsync(connection, categoryIds, authorIds, tagIds, onArticlesWritten, ct);

            if (!sqlite)
            {
                // The ids above were given explicitly, which leaves PostgreSQL's identity sequences where they were:
                // the next row an editor creates would take id 1 and collide. Move each past the largest id.
                foreach (string table in new[] { "Authors", "Tags", "Articles" })
                {
                    await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), MAX(\"Id\")) FROM \"{table}\"", ct);
                }
            }

            // Fresh, complete statistics let the planner pick the keyset indexes. On SQLite a sampled ANALYZE
            // (analysis_limit) misjudged the few-valued Status column (about 1,000 rows per status instead of 96,000
            // published), which made sorting the whole table look cheap; a full one takes seconds at 100k rows.
            // PostgreSQL's autovacuum would analyze the new rows too, but only some time after they arrive.
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

    private async Task<int[]> InsertAuthorsAsync(DbConnection connection, int count, CancellationToken ct)
    {
        int nextId = await MaxIdAsync(connection, "Authors", ct) + 1;
        await using DbTransaction transaction = await connection.BeginTransactionAsync(ct);
        await using DbCommand insert = await PrepareAsync(connection, transaction,
            """INSERT INTO "Authors" ("Id", "Slug", "Name", "Bio", "AvatarUrl") VALUES (@id, @slug, @name, @bio, @avatar)""",
            ct, ("id", DbType.Int32), ("slug", DbType.String), ("name", DbType.String), ("bio", DbType.String), ("avatar", DbType.String));

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
    private async Task<int[]> EnsureTagsAsync(DbConnection connection, CancellationToken ct)
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
        await using (DbCommand select = connection.CreateCommand())
        {
            select.CommandText = """SELECT "Slug", "Id" FROM "Tags";""";
            await using DbDataReader reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                existing[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        int nextId = await MaxIdAsync(connection, "Tags", ct) + 1;
        await using DbTransaction transaction = await connection.BeginTransactionAsync(ct);
        await using DbCommand insert = await PrepareAsync(connection, transaction,
            """INSERT INTO "Tags" ("Id", "Slug", "Name") VALUES (@id, @slug, @name)""",
            ct, ("id", DbType.Int32), ("slug", DbType.String), ("name", DbType.String));
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
        DbConnection connection, int[] categoryIds, int[] authorIds, int[] tagIds, Action<int> onArticlesWritten, CancellationToken ct)
    {
        int nextId = await MaxIdAsync(connection, "Articles", ct) + 1;
        int publicationMinutes = (int)(LastPublication - FirstPublication).TotalMinutes;
        var articleTags = new List<int>(4);

        for (int written = 0; written < _options.Articles;)
        {
            int batch = Math.Min(_options.BatchSize, _options.Articles - written);
            int firstId = nextId;
            await using DbTransaction transaction = await connection.BeginTransactionAsync(ct);
            string? searchTrigger = _db.Database.IsSqlite() ? await SetSearchTriggerAsideAsync(connection, transaction, ct) : null;
            await using DbCommand insertArticle = await PrepareAsync(connection, transaction,
                """
                INSERT INTO "Articles" ("Id", "Slug", "Title", "Summary", "Body", "Status", "IsBreaking", "PublishedAt", "CreatedAt",
                    "UpdatedAt", "WordCount", "ReadingTimeMinutes", "HeroImageUrl", "CanonicalUrl", "Version", "AuthorId", "CategoryId")
                VALUES (@id, @slug, @title, @summary, @body, @status, @breaking, @published, @created,
                    @updated, @words, @minutes, @hero, NULL, 1, @author, @category)
                """,
                ct,
                ("id", DbType.Int32), ("slug", DbType.String), ("title", DbType.String), ("summary", DbType.String), ("body", DbType.String),
                ("status", DbType.Int32), ("breaking", DbType.Boolean), ("published", DbType.DateTime), ("created", DbType.DateTime),
                ("updated", DbType.DateTime), ("words", DbType.Int32), ("minutes", DbType.Int32), ("hero", DbType.String),
                ("author", DbType.Int32), ("category", DbType.Int32));
            // Search documents in the same transaction, as the server writes them (ArticleSearchIndexing).
            await using DbCommand insertSearchDocument = await PrepareAsync(connection, transaction,
                """
                INSERT INTO "ArticleSearchDocuments" ("ArticleId", "Title", "Summary", "Body", "Aliases", "RecencyMinutes")
                VALUES (@article, @title, @summary, @body, @aliases, @recency)
                """,
                ct, ("article", DbType.Int32), ("title", DbType.String), ("summary", DbType.String), ("body", DbType.String),
                ("aliases", DbType.String), ("recency", DbType.Int32));
            await using DbCommand insertTag = await PrepareAsync(connection, transaction,
                """INSERT INTO "ArticleTags" ("ArticleId", "TagId") VALUES (@article, @tag)""",
                ct, ("article", DbType.Int32), ("tag", DbType.Int32));

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

                string summary = _text.Standfirst();
                await RunAsync(insertArticle, ct,
                    id,
                    $"{SlugText.From(title)}-{id}",
                    title,
                    summary,
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

                var document = new ArticleSearchDocument { ArticleId = id };
                ArticleSearchDocuments.Update(document, new Article
                {
                    Title = title,
                    Summary = summary,
                    Body = body,
                    PublishedAt = status == ArticleStatus.Draft ? null : published,
                    CreatedAt = created,
                });
                await RunAsync(insertSearchDocument, ct, id, document.Title, document.Summary, document.Body, document.Aliases, document.RecencyMinutes);

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

            if (searchTrigger is not null)
            {
                await IndexSearchDocumentsAsync(connection, transaction, firstId, nextId - 1, searchTrigger, ct);
            }

            await transaction.CommitAsync(ct);
            written += batch;
            onArticlesWritten(batch);
        }
    }

    // SQLite's FTS5 indexes documents inserted one by one through its trigger far more slowly than in one INSERT … SELECT
    // (measured: ~13 s per 1,000 seeded articles through the trigger, 1.8 s for 10,000 in one statement). So a batch sets
    // the migration's insert trigger aside, writes its documents, indexes them in one statement and puts the trigger
    // back, all in the batch's transaction: a committed batch is always indexed, and outside it the trigger is there.
    private const string SearchInsertTrigger = "ArticleSearchDocuments_AfterInsert";

    private static async Task<string> SetSearchTriggerAsideAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using DbCommand read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '{SearchInsertTrigger}'";
        string definition = await read.ExecuteScalarAsync(ct) as string
            ?? throw new InvalidOperationException($"The search index trigger {SearchInsertTrigger} is missing: migrate the database first.");
        await ExecuteAsync(connection, transaction, $"DROP TRIGGER \"{SearchInsertTrigger}\"", ct);
        return definition;
    }

    private static async Task IndexSearchDocumentsAsync(
        DbConnection connection, DbTransaction transaction, int firstId, int lastId, string triggerDefinition, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO "ArticleSearchIndex" (rowid, "Title", "Summary", "Body", "Aliases")
            SELECT "SearchKey", "Title", "Summary", "Body", "Aliases" FROM "ArticleSearchDocuments"
            WHERE "ArticleId" BETWEEN {firstId} AND {lastId}
            """, ct);
        await ExecuteAsync(connection, transaction, triggerDefinition, ct);
    }

    // Every parameter has its type up front: PostgreSQL prepares a statement for the types it is given, and a NULL
    // (a draft's PublishedAt) carries none of its own.
    private static async Task<DbCommand> PrepareAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params (string Name, DbType Type)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, DbType type) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(ct);
        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> MaxIdAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using DbCommand command = connection.CreateCommand();
        // Table names are our own constants, never user input.
#pragma warning disable CA2100
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
#pragma warning restore CA2100
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct) =>
        ExecuteAsync(connection, transaction: null, sql, ct);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        // Statements of this class's own, with table names from its constants, never user input.
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}
