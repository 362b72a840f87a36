using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.GraphQL.Webhooks;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace NewsGraph.Server.Data;

/// <summary>
/// The news model, one for every provider. Each provider has a subclass (<see cref="SqliteNewsDbContext"/>,
/// <see cref="PostgreSqlNewsDbContext"/>) only so that its migrations are its own; code uses this type.
/// </summary>
public abstract class NewsDbContext : DbContext
{
    protected NewsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    internal const int SlugMaxLength = 200;
    internal const int TitleMaxLength = 300;
    internal const int SummaryMaxLength = 1000;
    internal const int NameMaxLength = 200;
    internal const int UrlMaxLength = 2048;

    /// <summary>The name of the query filter that hides everything but published articles from readers.</summary>
    public const string PublishedOnlyFilter = "PublishedOnly";

    // Every set below is what this context's user may read: published articles only, or everything after
    // WithUnpublished() — also through navigations (an author's articles, a tag's articles). Write through
    // Add/AddRange or Set<T>().

    public IQueryable<Article> Articles => Visible(Set<Article>());

    public IQueryable<Author> Authors => Visible(Set<Author>());

    public IQueryable<Category> Categories => Visible(Set<Category>());

    public IQueryable<Tag> Tags => Visible(Set<Tag>());

    /// <summary>The article–tag links of the articles this context's user may read.</summary>
    public IQueryable<ArticleTag> ArticleTags => Visible(Set<ArticleTag>());

    /// <summary>
    /// False (readers, and every context as it comes from the factory): drafts and archived articles are invisible to
    /// every query, including navigations and the join table. True only after <see cref="WithUnpublished"/>.
    /// </summary>
    public bool IncludeUnpublished { get; private set; }

    /// <summary>
    /// Shows this context drafts and archived articles too: for an editor's request (<c>RequestViewer</c> decides) or
    /// for work that needs them whoever asks (the article workflow, the update feed). The one way to widen a context,
    /// so every place that does is visible; it lasts until the context is disposed.
    /// </summary>
    public NewsDbContext WithUnpublished()
    {
        IncludeUnpublished = true;
        return this;
    }

    // Contexts are pooled (DataServiceCollectionExtensions): disposing one hands it to the next user, who must start
    // as a reader whatever the last one was. EF Core resets its own state; this is ours.
    public override void Dispose()
    {
        IncludeUnpublished = false;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        IncludeUnpublished = false;
        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    // The filter is a plain `Status = Published` that the (Status, ...) indexes can seek on; editors lift it
    // per query. A filter of the form `@includeUnpublished OR Status = Published` would make every page a scan.
    private IQueryable<TEntity> Visible<TEntity>(DbSet<TEntity> set)
        where TEntity : class =>
        IncludeUnpublished ? set.IgnoreQueryFilters([PublishedOnlyFilter]) : set;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ConfigureArticle(modelBuilder);
        ConfigureArticleTag(modelBuilder);
        ConfigureAuthor(modelBuilder);
        ConfigureCategory(modelBuilder);
        ConfigureTag(modelBuilder);
        ConfigureSearch(modelBuilder);
        // Article events are written with the change they announce and sent from there (TopicEventOutbox).
        modelBuilder.AddTopicEventOutbox();
        // Webhook deliveries are written with the article change they announce, too (Webhooks/WebhookAnnouncements).
        modelBuilder.AddWebhooks();

        // Unicode-aware case-insensitive filters (SQLite's lower()/LIKE fold ASCII only).
        modelBuilder.AddCaseFolding(Database.IsSqlite());

        if (Database.IsNpgsql())
        {
            SortNullsFirstInIndexes(modelBuilder);
        }
    }

    // PostgreSQL is told to sort NULL as the smallest value, like SQLite (NullsSmallestNpgsqlQuerySqlGeneratorFactory):
    // ORDER BY x NULLS FIRST ascending, NULLS LAST descending, for nullable columns. Their index columns must hold the
    // same order, or such an ORDER BY is no longer read from the index (a sort of every matching row instead of a seek);
    // a forward scan then gives ASC NULLS FIRST and a backward one DESC NULLS LAST, both directions of a keyset page.
    // Columns that cannot be NULL keep PostgreSQL's default, which is what their ORDER BY says.
    private static void SortNullsFirstInIndexes(ModelBuilder modelBuilder)
    {
        foreach (var index in modelBuilder.Model.GetEntityTypes().SelectMany(entity => entity.GetDeclaredIndexes()))
        {
            if (index.Properties.Any(property => property.IsNullable))
            {
                index.SetNullSortOrder(index.Properties.Select(property => property.IsNullable ? NullSortOrder.NullsFirst : NullSortOrder.NullsLast).ToArray());
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpArticleVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpArticleVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every write must change the concurrency token, otherwise a second editor holding the same
    // version would overwrite silently. Callers that already bumped it are left alone.
    private void BumpArticleVersions()
    {
        foreach (EntityEntry<Article> entry in ChangeTracker.Entries<Article>())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            PropertyEntry<Article, int> version = entry.Property(a => a.Version);
            if (version.CurrentValue == version.OriginalValue)
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    private static void ConfigureArticle(ModelBuilder modelBuilder)
    {
        // Tables are named explicitly: the context exposes filtered queries, not DbSets that would name them.
        var article = modelBuilder.Entity<Article>().ToTable("Articles");
        article.Property(a => a.Slug).HasMaxLength(SlugMaxLength);
        article.Property(a => a.Title).HasMaxLength(TitleMaxLength);
        article.Property(a => a.Summary).HasMaxLength(SummaryMaxLength);
        article.Property(a => a.HeroImageUrl).HasMaxLength(UrlMaxLength);
        article.Property(a => a.CanonicalUrl).HasMaxLength(UrlMaxLength);
        article.Property(a => a.Version).IsConcurrencyToken();

        article.HasQueryFilter(PublishedOnlyFilter, a => a.Status == ArticleStatus.Published);

        article.HasOne(a => a.Author).WithMany(a => a.Articles)
            .HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        article.HasOne(a => a.Category).WithMany(c => c.Articles)
            .HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);

        article.HasMany(a => a.Tags).WithMany(t => t.Articles)
            .UsingEntity<ArticleTag>(
                join => join.HasOne(at => at.Tag).WithMany().HasForeignKey(at => at.TagId),
                join => join.HasOne(at => at.Article).WithMany().HasForeignKey(at => at.ArticleId));

        // Keyset paging reads (filter columns..., sort column, Id) so each page is an index seek.
        article.HasIndex(a => a.Slug).IsUnique();
        article.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.AuthorId, a.Status, a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.Status, a.UpdatedAt, a.Id });
        article.HasIndex(a => new { a.Status, a.Title, a.Id });
        article.HasIndex(a => new { a.Status, a.WordCount, a.Id });
        article.HasIndex(a => new { a.Status, a.CreatedAt, a.Id });
        // The scheduled publisher asks for the due and the next scheduled articles (Status = Scheduled, by ScheduledFor).
        article.HasIndex(a => new { a.Status, a.ScheduledFor });
    }

    /// <summary>
    /// Rows of a full-text search over the article search index (Search/ArticleSearch builds the provider's SQL),
    /// with what this context's user may read: published articles only, or everything after <see cref="WithUnpublished"/>.
    /// </summary>
    internal IQueryable<ArticleSearchMatch> SearchMatches(string sql, object[] parameters) =>
        IncludeUnpublished
            ? Set<ArticleSearchMatch>().FromSqlRaw(sql, parameters).IgnoreQueryFilters([PublishedOnlyFilter])
            : Set<ArticleSearchMatch>().FromSqlRaw(sql, parameters);

    /// <summary>
    /// Rows of a search query without the visibility filter: only for scoring matches that <see cref="SearchMatches"/>
    /// already narrowed to what this context's user may read (joined to them by key).
    /// </summary>
    internal IQueryable<ArticleSearchScore> SearchScores(string sql, object[] parameters) =>
        Set<ArticleSearchScore>().FromSqlRaw(sql, parameters);

    private static void ConfigureSearch(ModelBuilder modelBuilder)
    {
        var document = modelBuilder.Entity<ArticleSearchDocument>().ToTable("ArticleSearchDocuments");
        document.HasKey(d => d.ArticleId);
        document.Property(d => d.Title).HasMaxLength(TitleMaxLength);
        document.Property(d => d.Summary).HasMaxLength(SummaryMaxLength);
        document.Property(d => d.SearchKey).HasComputedColumnSql(ArticleSearchDocumentKeys.SearchKeySql, stored: true);
        document.HasIndex(d => d.SearchKey).IsUnique();
        // Deleting an article deletes its document, and the database's index follows (trigger or generated column).
        document.HasOne(d => d.Article).WithOne().HasForeignKey<ArticleSearchDocument>(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        document.HasQueryFilter(PublishedOnlyFilter, d => d.Article.Status == ArticleStatus.Published);

        modelBuilder.Entity<ArticleSearchScore>().HasNoKey().ToView(null);

        var match = modelBuilder.Entity<ArticleSearchMatch>().HasNoKey().ToView(null);
        match.HasOne(m => m.Article).WithMany().HasForeignKey(m => m.ArticleId);
        match.HasQueryFilter(PublishedOnlyFilter, m => m.Article.Status == ArticleStatus.Published);
    }

    private static void ConfigureArticleTag(ModelBuilder modelBuilder)
    {
        var articleTag = modelBuilder.Entity<ArticleTag>().ToTable("ArticleTags");
        articleTag.HasKey(at => new { at.ArticleId, at.TagId });
        // Same visibility as Article, so reading the join table directly cannot leak a draft's tags
        // (and EF does not warn about a filtered principal with unfiltered dependents).
        articleTag.HasQueryFilter(PublishedOnlyFilter, at => at.Article.Status == ArticleStatus.Published);
        // Tag → articles look-ups (tag pages) read the join table from the tag side.
        articleTag.HasIndex(at => new { at.TagId, at.ArticleId });
    }

    private static void ConfigureAuthor(ModelBuilder modelBuilder)
    {
        var author = modelBuilder.Entity<Author>().ToTable("Authors");
        author.Property(a => a.Slug).HasMaxLength(SlugMaxLength);
        author.Property(a => a.Name).HasMaxLength(NameMaxLength);
        author.Property(a => a.AvatarUrl).HasMaxLength(UrlMaxLength);
        author.HasIndex(a => a.Slug).IsUnique();
    }

    private static void ConfigureCategory(ModelBuilder modelBuilder)
    {
        var category = modelBuilder.Entity<Category>().ToTable("Categories");
        category.Property(c => c.Slug).HasMaxLength(SlugMaxLength);
        category.Property(c => c.Name).HasMaxLength(NameMaxLength);
        category.Property(c => c.Description).HasMaxLength(SummaryMaxLength);
        category.HasOne(c => c.Parent).WithMany(c => c.Children)
            .HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        category.HasIndex(c => c.Slug).IsUnique();
        category.HasIndex(c => c.ParentId);
    }

    private static void ConfigureTag(ModelBuilder modelBuilder)
    {
        var tag = modelBuilder.Entity<Tag>().ToTable("Tags");
        tag.Property(t => t.Slug).HasMaxLength(SlugMaxLength);
        tag.Property(t => t.Name).HasMaxLength(NameMaxLength);
        tag.HasIndex(t => t.Slug).IsUnique();
    }
}
