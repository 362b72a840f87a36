using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Articles;

/// <summary>
/// The article workflow: every write to an article goes through here, whoever asks (the mutations, tests, tools, the
/// <see cref="ScheduledPublisher"/>), so its rules hold everywhere. Drafts and scheduled articles can be published,
/// drafts scheduled (and scheduled articles rescheduled), scheduled articles unscheduled, published articles
/// unpublished, anything not archived archived; archived articles are read-only. The slug follows the title until the
/// first publication, then never changes. Each change is one unit of work guarded by the article's version (of two
/// editors holding the same version exactly one wins); the unit of work announces what readers should hear of
/// (<see cref="ArticleAnnouncements"/>). Domain errors come back as values and write nothing.
/// </summary>
public sealed class ArticleWorkflow(IDbContextFactory<NewsDbContext> databases, TimeProvider clock, ArticleSchedule schedule, SchedulingSettings scheduling)
{
    // A generated slug that a concurrent writer took meanwhile is chosen anew; each retry means another writer won a
    // slug of the same title, so this bounds how many such writers one waits out before answering SlugTakenError.
    private const int GeneratedSlugAttempts = 10;

    /// <summary>Creates a draft.</summary>
    public async Task<MutationResult<Article>> CreateAsync(ArticleDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        InputValidation.RequiredText(errors, "title", draft.Title, NewsDbContext.TitleMaxLength);
        InputValidation.MaxLength(errors, "body", draft.Body, InputValidation.BodyMaxLength);
        InputValidation.MaxLength(errors, "summary", draft.Summary, NewsDbContext.SummaryMaxLength);
        InputValidation.Url(errors, "heroImageUrl", draft.HeroImageUrl);
        InputValidation.Url(errors, "canonicalUrl", draft.CanonicalUrl);
        InputValidation.Slug(errors, "slug", draft.Slug);
        if (draft.Slug is null)
        {
            InputValidation.SluggableText(errors, "title", draft.Title);
        }

        InputValidation.DistinctIds(errors, "tagIds", draft.Tags?.Select(t => t.Id).ToList());
        if (errors.Count > 0)
        {
            return MutationResult<Article>.Failure(errors);
        }

        await using var db = await CreateContextAsync(cancellationToken);
        var notFound = new List<IMutationError>();
        var author = await FindAuthorAsync(db, draft.Author, notFound, cancellationToken);
        var category = await FindCategoryAsync(db, draft.Category, notFound, cancellationToken);
        var tags = await FindTagsAsync(db, draft.Tags, notFound, cancellationToken);
        if (notFound.Count > 0)
        {
            return MutationResult<Article>.Failure(notFound);
        }

        var slugs = db.Articles.Select(a => a.Slug);
        var slug = draft.Slug;
        if (slug is not null)
        {
            if (await slugs.AnyAsync(s => s == slug, cancellationToken))
            {
                return MutationResult<Article>.Failure(SlugTaken(slug));
            }
        }
        else
        {
            slug = await Slugs.UniqueAsync(slugs, Slugs.From(draft.Title), cancellationToken);
        }

        var now = Now();
        var wordCount = TextStatistics.CountWords(draft.Body);
        var article = new Article
        {
            Slug = slug,
            Title = draft.Title.Trim(),
            Summary = draft.Summary,
            Body = draft.Body,
            Status = ArticleStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            WordCount = wordCount,
            ReadingTimeMinutes = TextStatistics.ReadingTimeMinutes(wordCount),
            HeroImageUrl = draft.HeroImageUrl,
            CanonicalUrl = draft.CanonicalUrl,
            Author = author!,
            Category = category!,
            Version = 1,
        };
        foreach (var tag in tags)
        {
            article.Tags.Add(tag);
        }

        db.Add(article);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return article;
            }
            catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
            {
                // The check above cannot see a concurrent writer's uncommitted article; the unique index refused. An
                // explicit slug is the editor's choice to make again; a generated one moves on to the next free suffix
                // (each SaveChanges is a transaction of its own, so nothing of the failed one is left).
                if (draft.Slug is not null || attempt == GeneratedSlugAttempts)
                {
                    return MutationResult<Article>.Failure(SlugTaken(slug));
                }

                article.Slug = slug = await Slugs.UniqueAsync(slugs, Slugs.From(draft.Title), cancellationToken);
            }
            catch (DbUpdateException exception) when (ForeignKeyConstraint.IsViolation(exception))
            {
                if (await GoneReferencesAsync(article, cancellationToken) is { Count: > 0 } gone)
                {
                    return MutationResult<Article>.Failure(gone);
                }

                throw;
            }
        }
    }

    /// <summary>Changes a draft or a published article; a published one is announced as updated.</summary>
    public async Task<MutationResult<Article>> UpdateAsync(NodeReference articleId, int version, ArticleChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (Validate(changes) is { Count: > 0 } errors)
        {
            return MutationResult<Article>.Failure(errors);
        }

        return await ChangeAsync(articleId, version, (db, article) => ApplyAsync(db, article, changes, cancellationToken), cancellationToken);
    }

    /// <summary>Publishes a draft or a scheduled article now (the first publication sets <c>publishedAt</c>) and announces it.</summary>
    public Task<MutationResult<Article>> PublishAsync(NodeReference articleId, int version, bool isBreaking, CancellationToken cancellationToken) =>
        ChangeStatusAsync(articleId, version, ArticleStatus.Published, isBreaking, from: ArticleStatus.Draft, cancellationToken);

    /// <summary>
    /// Schedules a draft (or reschedules a scheduled article) for publication at <paramref name="publishAt"/>, a future
    /// instant at most <see cref="SchedulingSettings.MaxLeadTime"/> ahead; <see cref="ScheduledPublisher"/> publishes it
    /// then, as <paramref name="isBreaking"/> news or not.
    /// </summary>
    public async Task<MutationResult<Article>> ScheduleAsync(
        NodeReference articleId, int version, DateTime publishAt, bool isBreaking, CancellationToken cancellationToken)
    {
        // Whole milliseconds, as stored and shown, so that what is checked is what is kept.
        publishAt = new DateTime(publishAt.Ticks - (publishAt.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var now = Now();
        if (publishAt <= now)
        {
            return MutationResult<Article>.Failure(new ValidationError("publishAt", "`publishAt` must be in the future; to publish now, use publishArticle."));
        }

        if (publishAt - now > scheduling.MaxLeadTime)
        {
            return MutationResult<Article>.Failure(new ValidationError(
                "publishAt", $"`publishAt` may be at most {scheduling.MaxLeadTime.TotalDays:0.##} days ahead."));
        }

        var result = await ChangeAsync(articleId, version, (_, article) =>
        {
            if (article.Status is not (ArticleStatus.Draft or ArticleStatus.Scheduled))
            {
                return Task.FromResult<IReadOnlyList<IMutationError>?>([InvalidStatus(article.Status, "scheduled")]);
            }

            article.Status = ArticleStatus.Scheduled;
            article.ScheduledFor = publishAt;
            article.IsBreaking = isBreaking;
            return Task.FromResult<IReadOnlyList<IMutationError>?>(null);
        }, cancellationToken);
        if (result.Errors is null)
        {
            // Committed: this instance's publisher sets its timer to the new schedule at once.
            schedule.Changed();
        }

        return result;
    }

    /// <summary>Takes a scheduled article back to draft; nothing is published.</summary>
    public async Task<MutationResult<Article>> UnscheduleAsync(NodeReference articleId, int version, CancellationToken cancellationToken)
    {
        var result = await ChangeStatusAsync(articleId, version, ArticleStatus.Draft, isBreaking: false, from: ArticleStatus.Scheduled, cancellationToken);
        if (result.Errors is null)
        {
            schedule.Changed();
        }

        return result;
    }

    /// <summary>
    /// Publishes a scheduled article whose time has come, if it is still at <paramref name="version"/> (the version the
    /// publisher read it at): of several instances publishing the same article exactly one succeeds, and an article
    /// unscheduled or rescheduled meanwhile is left alone (a <see cref="ConcurrencyConflictError"/>). The same change
    /// as <see cref="PublishAsync"/>, so the same announcement and index update.
    /// </summary>
    public Task<MutationResult<Article>> PublishScheduledAsync(NodeReference articleId, int version, CancellationToken cancellationToken) =>
        ChangeAsync(articleId, version, (_, article) =>
        {
            if (article.Status != ArticleStatus.Scheduled || article.ScheduledFor > Now())
            {
                return Task.FromResult<IReadOnlyList<IMutationError>?>(
                    [new InvalidStatusError(article.Status, $"The article is not due for publication (status {StatusName(article.Status)}, scheduled for {article.ScheduledFor:O}).")]);
            }

            Publish(article, article.IsBreaking);
            return Task.FromResult<IReadOnlyList<IMutationError>?>(null);
        }, cancellationToken);

    /// <summary>Takes a published article back to draft; it keeps its slug and first publication date.</summary>
    public Task<MutationResult<Article>> UnpublishAsync(NodeReference articleId, int version, CancellationToken cancellationToken) =>
        ChangeStatusAsync(articleId, version, ArticleStatus.Draft, isBreaking: false, from: ArticleStatus.Published, cancellationToken);

    /// <summary>Withdraws an article that is not archived yet from readers for good.</summary>
    public Task<MutationResult<Article>> ArchiveAsync(NodeReference articleId, int version, CancellationToken cancellationToken) =>
        ChangeStatusAsync(articleId, version, ArticleStatus.Archived, isBreaking: false, from: ArticleStatus.Published, cancellationToken);

    /// <summary>Deletes an article; the result holds the article as it was.</summary>
    public Task<MutationResult<Article>> DeleteAsync(NodeReference articleId, int version, CancellationToken cancellationToken) =>
        ChangeAsync(articleId, version, (db, article) =>
        {
            db.Remove(article);
            return Task.FromResult<IReadOnlyList<IMutationError>?>(null);
        }, cancellationToken);

    /// <param name="from">For a move back to draft, the status it leaves (unpublish: Published, unschedule: Scheduled); otherwise unused.</param>
    private Task<MutationResult<Article>> ChangeStatusAsync(
        NodeReference articleId, int version, ArticleStatus target, bool isBreaking, ArticleStatus from, CancellationToken cancellationToken) =>
        ChangeAsync(articleId, version, (_, article) =>
        {
            if (!IsAllowed(article.Status, target, from))
            {
                var action = target switch
                {
                    ArticleStatus.Published => "published",
                    ArticleStatus.Draft when from == ArticleStatus.Scheduled => "unscheduled",
                    ArticleStatus.Draft => "unpublished",
                    _ => "archived",
                };
                return Task.FromResult<IReadOnlyList<IMutationError>?>([InvalidStatus(article.Status, action)]);
            }

            if (target == ArticleStatus.Published)
            {
                Publish(article, isBreaking);
            }
            else
            {
                article.Status = target;
                // A schedule belongs to the Scheduled status: leaving it (unschedule, archive) drops the schedule.
                article.ScheduledFor = null;
            }

            return Task.FromResult<IReadOnlyList<IMutationError>?>(null);
        }, cancellationToken);

    // A scheduled article may also be published at once by hand; that ends its schedule.
    private static bool IsAllowed(ArticleStatus current, ArticleStatus target, ArticleStatus from) => target switch
    {
        ArticleStatus.Published => current is ArticleStatus.Draft or ArticleStatus.Scheduled,
        ArticleStatus.Draft => current == from,
        _ => current != ArticleStatus.Archived,
    };

    /// <summary>Publication, by an editor or on schedule: one change, so one announcement and one index update.</summary>
    private void Publish(Article article, bool isBreaking)
    {
        article.Status = ArticleStatus.Published;
        article.ScheduledFor = null;
        // The first publication date stays: re-publishing after a correction is not new news. A scheduled article's
        // date is the moment it went live (its schedule, within the publisher's second or two, or later if no instance
        // was running then), so readers' newest-first lists and feeds never get an article dated before one they saw.
        article.PublishedAt ??= Now();
        article.IsBreaking = isBreaking;
    }

    private static InvalidStatusError InvalidStatus(ArticleStatus status, string action) =>
        new(status, $"An article in status {StatusName(status)} cannot be {action}.");

    private static string StatusName(ArticleStatus status) => status.ToString().ToUpperInvariant();

    private static List<ValidationError> Validate(ArticleChanges changes)
    {
        var errors = new List<ValidationError>();
        // Required article fields cannot be removed: an explicit null is as wrong as an empty string.
        if (changes.Title.HasValue)
        {
            InputValidation.RequiredText(errors, "title", changes.Title.Value, NewsDbContext.TitleMaxLength);
            InputValidation.SluggableText(errors, "title", changes.Title.Value);
        }

        if (changes.Body is { HasValue: true, Value: null })
        {
            errors.Add(new ValidationError("body", "`body` cannot be removed; send an empty string for an empty body."));
        }

        InputValidation.MaxLength(errors, "body", changes.Body.Value, InputValidation.BodyMaxLength);
        InputValidation.MaxLength(errors, "summary", changes.Summary.Value, NewsDbContext.SummaryMaxLength);
        InputValidation.Url(errors, "heroImageUrl", changes.HeroImageUrl.Value);
        InputValidation.Url(errors, "canonicalUrl", changes.CanonicalUrl.Value);
        if (changes.Author is { HasValue: true, Value: null })
        {
            errors.Add(new ValidationError("authorId", "`authorId` cannot be removed; every article has an author."));
        }

        if (changes.Category is { HasValue: true, Value: null })
        {
            errors.Add(new ValidationError("categoryId", "`categoryId` cannot be removed; every article has a category."));
        }

        InputValidation.DistinctIds(errors, "tagIds", changes.Tags?.Select(t => t.Id).ToList());
        return errors;
    }

    private static async Task<IReadOnlyList<IMutationError>?> ApplyAsync(NewsDbContext db, Article article, ArticleChanges changes, CancellationToken cancellationToken)
    {
        if (article.Status == ArticleStatus.Archived)
        {
            return [new InvalidStatusError(article.Status, "Archived articles cannot be edited.")];
        }

        var notFound = new List<IMutationError>();
        if (changes.Author.Value is { } authorId && authorId.Id != article.AuthorId
            && await FindAuthorAsync(db, authorId, notFound, cancellationToken) is { } author)
        {
            article.Author = author;
        }

        if (changes.Category.Value is { } categoryId && categoryId.Id != article.CategoryId
            && await FindCategoryAsync(db, categoryId, notFound, cancellationToken) is { } category)
        {
            article.Category = category;
        }

        var tags = await FindTagsAsync(db, changes.Tags, notFound, cancellationToken);
        if (notFound.Count > 0)
        {
            return notFound;
        }

        if (changes.Tags is not null)
        {
            article.Tags.Clear();
            foreach (var tag in tags)
            {
                article.Tags.Add(tag);
            }
        }

        if (changes.Title.Value is { } title && !string.Equals(title.Trim(), article.Title, StringComparison.Ordinal))
        {
            article.Title = title.Trim();
            // The URL is public from the first publication on; until then it may follow the headline.
            if (article.PublishedAt is null)
            {
                var others = db.Articles.Where(a => a.Id != article.Id).Select(a => a.Slug);
                article.Slug = await Slugs.UniqueAsync(others, Slugs.From(article.Title), cancellationToken);
            }
        }

        if (changes.Body.Value is { } body)
        {
            article.Body = body;
            article.WordCount = TextStatistics.CountWords(body);
            article.ReadingTimeMinutes = TextStatistics.ReadingTimeMinutes(article.WordCount);
        }

        if (changes.Summary.HasValue)
        {
            article.Summary = changes.Summary.Value;
        }

        if (changes.HeroImageUrl.HasValue)
        {
            article.HeroImageUrl = changes.HeroImageUrl.Value;
        }

        if (changes.CanonicalUrl.HasValue)
        {
            article.CanonicalUrl = changes.CanonicalUrl.Value;
        }

        return null;
    }

    /// <summary>
    /// Loads the article, checks its version, applies <paramref name="change"/> and saves with the version as
    /// concurrency token. Domain errors from <paramref name="change"/> abandon the unit of work: nothing is written.
    /// </summary>
    private async Task<MutationResult<Article>> ChangeAsync(
        NodeReference articleId,
        int version,
        Func<NewsDbContext, Article, Task<IReadOnlyList<IMutationError>?>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await CreateContextAsync(cancellationToken);
        // The version is checked and the article taken in one statement, before the change writes anything, and it stays
        // taken until the change commits (SQLite: the transaction holds the write lock; PostgreSQL: the row lock). Of
        // editors holding the same version exactly one gets past it; the others wait for it and then find a newer
        // version. Checked only by the save, a loser on PostgreSQL would meet the winner first in the tag links, which
        // are written before the article row: a key violation or a deadlock instead of a conflict.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Articles
            .Where(a => a.Id == articleId.Id && a.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, version), cancellationToken);
        if (taken == 0)
        {
            return await ConflictOrNotFoundAsync(articleId, cancellationToken);
        }

        var article = await db.Articles.AsTracking()
            .Include(a => a.Author)
            .Include(a => a.Category)
            .Include(a => a.Tags)
            .AsSplitQuery()
            .FirstAsync(a => a.Id == articleId.Id, cancellationToken);
        if (await change(db, article) is { Count: > 0 } errors)
        {
            return MutationResult<Article>.Failure(errors);
        }

        if (db.Entry(article).State != EntityState.Deleted)
        {
            article.UpdatedAt = Now();
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return article;
            }
            catch (DbUpdateConcurrencyException)
            {
                return await ConflictOrNotFoundAsync(articleId, cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
            {
                // A slug that follows the title (a draft never published, so nothing was announced) and that another
                // article took meanwhile: the next free suffix. SaveChanges rolled back to its savepoint, so the
                // transaction goes on (on PostgreSQL a failed statement would otherwise abort it).
                if (!db.Entry(article).Property(a => a.Slug).IsModified || attempt == GeneratedSlugAttempts)
                {
                    return MutationResult<Article>.Failure(SlugTaken(article.Slug));
                }

                var others = db.Articles.Where(a => a.Id != article.Id).Select(a => a.Slug);
                article.Slug = await Slugs.UniqueAsync(others, Slugs.From(article.Title), cancellationToken);
            }
            catch (DbUpdateException exception) when (ForeignKeyConstraint.IsViolation(exception))
            {
                if (await GoneReferencesAsync(article, cancellationToken) is { Count: > 0 } gone)
                {
                    return MutationResult<Article>.Failure(gone);
                }

                throw;
            }
        }
    }

    /// <summary>
    /// The author, category and tags of <paramref name="article"/> that no longer exist. They were found before the save,
    /// but another editor deleted one in between (its "still in use" check could not see this uncommitted article), so
    /// the foreign key refused the save: the same NotFoundError the editor would have got a moment later.
    /// </summary>
    private async Task<List<IMutationError>> GoneReferencesAsync(Article article, CancellationToken cancellationToken)
    {
        await using var db = await CreateContextAsync(cancellationToken);
        var gone = new List<IMutationError>();
        await FindAuthorAsync(db, NodeReference.For(AuthorType.TypeName, article.Author?.Id ?? article.AuthorId), gone, cancellationToken);
        await FindCategoryAsync(db, NodeReference.For(CategoryType.TypeName, article.Category?.Id ?? article.CategoryId), gone, cancellationToken);
        await FindTagsAsync(db, [.. article.Tags.Select(tag => NodeReference.For(TagType.TypeName, tag.Id))], gone, cancellationToken);
        return gone;
    }

    private async Task<MutationResult<Article>> ConflictOrNotFoundAsync(NodeReference articleId, CancellationToken cancellationToken)
    {
        await using var db = await CreateContextAsync(cancellationToken);
        var current = await db.Articles.Where(a => a.Id == articleId.Id).Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken);
        return current is int version
            ? MutationResult<Article>.Failure(Conflict(version))
            : MutationResult<Article>.Failure(NotFound(articleId));
    }

    private static async Task<Author?> FindAuthorAsync(NewsDbContext db, NodeReference id, List<IMutationError> notFound, CancellationToken cancellationToken)
    {
        var author = await db.Authors.AsTracking().FirstOrDefaultAsync(a => a.Id == id.Id, cancellationToken);
        if (author is null)
        {
            notFound.Add(new NotFoundError(id.GlobalId, $"No author has the ID `{id.GlobalId}`."));
        }

        return author;
    }

    private static async Task<Category?> FindCategoryAsync(NewsDbContext db, NodeReference id, List<IMutationError> notFound, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsTracking().FirstOrDefaultAsync(c => c.Id == id.Id, cancellationToken);
        if (category is null)
        {
            notFound.Add(new NotFoundError(id.GlobalId, $"No category has the ID `{id.GlobalId}`."));
        }

        return category;
    }

    private static async Task<List<Tag>> FindTagsAsync(
        NewsDbContext db, IReadOnlyList<NodeReference>? ids, List<IMutationError> notFound, CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        var keys = ids.Select(id => id.Id).ToList();
        var tags = await db.Tags.AsTracking().Where(t => keys.Contains(t.Id)).ToListAsync(cancellationToken);
        var found = tags.Select(t => t.Id).ToHashSet();
        foreach (var id in ids.Where(id => !found.Contains(id.Id)))
        {
            notFound.Add(new NotFoundError(id.GlobalId, $"No tag has the ID `{id.GlobalId}`."));
        }

        // In the order the editor listed them.
        return [.. keys.Select(key => tags.FirstOrDefault(t => t.Id == key)).OfType<Tag>()];
    }

    // Editors' work: drafts and archived articles are what it changes.
    private async Task<NewsDbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        (await databases.CreateDbContextAsync(cancellationToken)).WithUnpublished();

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static NotFoundError NotFound(NodeReference id) => new(id.GlobalId, $"No article has the ID `{id.GlobalId}`.");

    private static ConcurrencyConflictError Conflict(int currentVersion) =>
        new(currentVersion, $"The article has changed since you read it (it is now at version {currentVersion}); nothing was saved.");

    private static SlugTakenError SlugTaken(string slug) => new(slug, $"Another article already has the slug `{slug}`.");
}
