using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Articles;

/// <summary>
/// The article fields of the mutation root: create and edit drafts, publish, unpublish, archive and delete. Every
/// write is one SaveChanges guarded by the article's version; events go out only after it has committed.
/// </summary>
internal static class ArticleMutations
{
    private static readonly Type[] CreateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType)];
    private static readonly Type[] UpdateErrors = [typeof(ValidationErrorType), typeof(SlugTakenErrorType), typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType), typeof(InvalidStatusErrorType)];
    private static readonly Type[] StatusErrors = [typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType), typeof(InvalidStatusErrorType)];
    private static readonly Type[] DeleteErrors = [typeof(NotFoundErrorType), typeof(ConcurrencyConflictErrorType)];

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<ArticleType, Article>("createArticle", "article", ArticleInputs.Create, CreateErrors, CreateAsync,
            "Creates a draft. Readers see it only once it is published.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("updateArticle", "article", ArticleInputs.Update, UpdateErrors, UpdateAsync,
            "Changes a draft or a published article; subscribers of a published article get `onArticleUpdated`.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("publishArticle", "article", ArticleInputs.Publish, StatusErrors,
            (ctx, input) => ChangeStatusAsync(ctx, input, ArticleStatus.Published),
            "Publishes a draft (sets `publishedAt` on first publication) and announces it on `onArticlePublished`.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("unpublishArticle", "article", ArticleInputs.IdAndVersion, StatusErrors,
            (ctx, input) => ChangeStatusAsync(ctx, input, ArticleStatus.Draft),
            "Takes a published article back to draft; it keeps its slug and first publication date.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("archiveArticle", "article", ArticleInputs.IdAndVersion, StatusErrors,
            (ctx, input) => ChangeStatusAsync(ctx, input, ArticleStatus.Archived),
            "Withdraws an article from readers for good; archived articles cannot be edited or published.").AuthorizeWithRoles(EditorRoles.All);
        mutation.AddMutationField<ArticleType, Article>("deleteArticle", "article", ArticleInputs.IdAndVersion, DeleteErrors, DeleteAsync,
            "Deletes an article; the payload holds the article as it was.").AuthorizeWithRoles(EditorRoles.All);
    }

    private static async Task<MutationResult<Article>> CreateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var authorGlobalId = input.GetString("authorId")!;
        var categoryGlobalId = input.GetString("categoryId")!;
        var tagGlobalIds = input.GetStrings("tagIds");
        var authorId = NodeId.DecodeInt(authorGlobalId, "Author");
        var categoryId = NodeId.DecodeInt(categoryGlobalId, "Category");
        var tagIds = tagGlobalIds?.Select(id => NodeId.DecodeInt(id, "Tag")).ToList();

        var title = input.GetString("title")!;
        var body = input.GetString("body")!;
        var slug = input.GetString("slug");
        var errors = new List<ValidationError>();
        ValidateContent(errors, input, title, body);
        InputValidation.Slug(errors, "slug", slug);
        if (slug is null)
        {
            InputValidation.SluggableText(errors, "title", title);
        }

        InputValidation.DistinctIds(errors, "tagIds", tagIds);
        if (errors.Count > 0)
        {
            return MutationResult<Article>.Failure(errors);
        }

        await using var db = await ctx.CreateNewsDbContextAsync();
        db.IncludeUnpublished = true;
        var notFound = new List<IMutationError>();
        var author = await db.Authors.AsTracking().FirstOrDefaultAsync(a => a.Id == authorId, ctx.CancellationToken);
        if (author is null)
        {
            notFound.Add(new NotFoundError(authorGlobalId, $"No author has the ID `{authorGlobalId}`."));
        }

        var category = await db.Categories.AsTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ctx.CancellationToken);
        if (category is null)
        {
            notFound.Add(new NotFoundError(categoryGlobalId, $"No category has the ID `{categoryGlobalId}`."));
        }

        var tags = await LoadTagsAsync(db, tagGlobalIds, tagIds, notFound, ctx.CancellationToken);
        if (notFound.Count > 0)
        {
            return MutationResult<Article>.Failure(notFound);
        }

        var slugs = db.Articles.Select(a => a.Slug);
        if (slug is not null)
        {
            if (await slugs.AnyAsync(s => s == slug, ctx.CancellationToken))
            {
                return MutationResult<Article>.Failure(SlugTaken(slug));
            }
        }
        else
        {
            slug = await Slugs.UniqueAsync(slugs, Slugs.From(title), ctx.CancellationToken);
        }

        var now = Now(ctx);
        var wordCount = TextStatistics.CountWords(body);
        var article = new Article
        {
            Slug = slug,
            Title = title.Trim(),
            Summary = input.GetString("summary"),
            Body = body,
            Status = ArticleStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            WordCount = wordCount,
            ReadingTimeMinutes = TextStatistics.ReadingTimeMinutes(wordCount),
            HeroImageUrl = input.GetString("heroImageUrl"),
            CanonicalUrl = input.GetString("canonicalUrl"),
            Author = author!,
            Category = category!,
            Version = 1,
        };
        foreach (var tag in tags)
        {
            article.Tags.Add(tag);
        }

        db.Add(article);
        try
        {
            await db.SaveChangesAsync(ctx.CancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
        {
            return MutationResult<Article>.Failure(SlugTaken(slug));
        }

        LoadedArticleGraphs.MarkLoaded(article);
        return article;
    }

    private static Task<MutationResult<Article>> UpdateAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var authorGlobalId = input.GetString("authorId");
        var categoryGlobalId = input.GetString("categoryId");
        var tagGlobalIds = input.GetStrings("tagIds");
        var authorId = authorGlobalId is null ? (int?)null : NodeId.DecodeInt(authorGlobalId, "Author");
        var categoryId = categoryGlobalId is null ? (int?)null : NodeId.DecodeInt(categoryGlobalId, "Category");
        var tagIds = tagGlobalIds?.Select(id => NodeId.DecodeInt(id, "Tag")).ToList();

        var errors = new List<ValidationError>();
        var title = input.GetString("title");
        var body = input.GetString("body");
        // Required article fields cannot be removed: an explicit null is as wrong as an empty string.
        if (input.IsSet("title"))
        {
            InputValidation.RequiredText(errors, "title", title, NewsDbContext.TitleMaxLength);
            InputValidation.SluggableText(errors, "title", title);
        }

        if (input.IsSet("body") && body is null)
        {
            errors.Add(new ValidationError("body", "`body` cannot be removed; send an empty string for an empty body."));
        }

        InputValidation.MaxLength(errors, "body", body, InputValidation.BodyMaxLength);
        InputValidation.MaxLength(errors, "summary", input.GetString("summary"), NewsDbContext.SummaryMaxLength);
        InputValidation.Url(errors, "heroImageUrl", input.GetString("heroImageUrl"));
        InputValidation.Url(errors, "canonicalUrl", input.GetString("canonicalUrl"));
        if (input.IsSet("authorId") && authorId is null)
        {
            errors.Add(new ValidationError("authorId", "`authorId` cannot be removed; every article has an author."));
        }

        if (input.IsSet("categoryId") && categoryId is null)
        {
            errors.Add(new ValidationError("categoryId", "`categoryId` cannot be removed; every article has a category."));
        }

        InputValidation.DistinctIds(errors, "tagIds", tagIds);
        if (errors.Count > 0)
        {
            return Task.FromResult(MutationResult<Article>.Failure(errors));
        }

        return EditAsync(ctx, input, async (db, article) =>
        {
            if (article.Status == ArticleStatus.Archived)
            {
                return [new InvalidStatusError(article.Status, "Archived articles cannot be edited.")];
            }

            var notFound = new List<IMutationError>();
            if (authorId is int newAuthorId && newAuthorId != article.AuthorId)
            {
                var author = await db.Authors.AsTracking().FirstOrDefaultAsync(a => a.Id == newAuthorId, ctx.CancellationToken);
                if (author is null)
                {
                    notFound.Add(new NotFoundError(authorGlobalId!, $"No author has the ID `{authorGlobalId}`."));
                }
                else
                {
                    article.Author = author;
                }
            }

            if (categoryId is int newCategoryId && newCategoryId != article.CategoryId)
            {
                var category = await db.Categories.AsTracking().FirstOrDefaultAsync(c => c.Id == newCategoryId, ctx.CancellationToken);
                if (category is null)
                {
                    notFound.Add(new NotFoundError(categoryGlobalId!, $"No category has the ID `{categoryGlobalId}`."));
                }
                else
                {
                    article.Category = category;
                }
            }

            var tags = await LoadTagsAsync(db, tagGlobalIds, tagIds, notFound, ctx.CancellationToken);
            if (notFound.Count > 0)
            {
                return notFound;
            }

            if (tagIds is not null)
            {
                article.Tags.Clear();
                foreach (var tag in tags)
                {
                    article.Tags.Add(tag);
                }
            }

            if (title is not null && !string.Equals(title.Trim(), article.Title, StringComparison.Ordinal))
            {
                article.Title = title.Trim();
                // The URL is public from the first publication on; until then it may follow the headline.
                if (article.PublishedAt is null)
                {
                    var others = db.Articles.Where(a => a.Id != article.Id).Select(a => a.Slug);
                    article.Slug = await Slugs.UniqueAsync(others, Slugs.From(article.Title), ctx.CancellationToken);
                }
            }

            if (body is not null)
            {
                article.Body = body;
                article.WordCount = TextStatistics.CountWords(body);
                article.ReadingTimeMinutes = TextStatistics.ReadingTimeMinutes(article.WordCount);
            }

            if (input.IsSet("summary"))
            {
                article.Summary = input.GetString("summary");
            }

            if (input.IsSet("heroImageUrl"))
            {
                article.HeroImageUrl = input.GetString("heroImageUrl");
            }

            if (input.IsSet("canonicalUrl"))
            {
                article.CanonicalUrl = input.GetString("canonicalUrl");
            }

            return null;
        },
        (db, article, at) =>
        {
            if (article.Status == ArticleStatus.Published)
            {
                Publishing(ctx).AnnounceUpdated(db, article, at);
            }
        });
    }

    private static Task<MutationResult<Article>> ChangeStatusAsync(IResolveFieldContext ctx, MutationInput input, ArticleStatus target) =>
        EditAsync(ctx, input, (_, article) =>
        {
            var allowed = target switch
            {
                ArticleStatus.Published => article.Status == ArticleStatus.Draft,
                ArticleStatus.Draft => article.Status == ArticleStatus.Published,
                _ => article.Status != ArticleStatus.Archived,
            };
            if (!allowed)
            {
                var action = target switch
                {
                    ArticleStatus.Published => "published",
                    ArticleStatus.Draft => "unpublished",
                    _ => "archived",
                };
                return Task.FromResult<IReadOnlyList<IMutationError>?>(
                    [new InvalidStatusError(article.Status, $"An article in status {article.Status.ToString().ToUpperInvariant()} cannot be {action}.")]);
            }

            article.Status = target;
            if (target == ArticleStatus.Published)
            {
                // The first publication date stays: re-publishing after a correction is not new news.
                article.PublishedAt ??= Now(ctx);
                article.IsBreaking = input.GetBoolean("isBreaking") ?? false;
            }

            return Task.FromResult<IReadOnlyList<IMutationError>?>(null);
        },
        (db, article, at) =>
        {
            if (target == ArticleStatus.Published)
            {
                Publishing(ctx).AnnouncePublished(db, article, at);
            }
        });

    private static async Task<MutationResult<Article>> DeleteAsync(IResolveFieldContext ctx, MutationInput input)
    {
        var globalId = input.GetString("id")!;
        var id = NodeId.DecodeInt(globalId, ArticleType.TypeName);
        var version = input.GetInt("version")!.Value;
        await using var db = await ctx.CreateNewsDbContextAsync();
        db.IncludeUnpublished = true;
        var article = await LoadAsync(db, id, ctx.CancellationToken);
        if (article is null)
        {
            return MutationResult<Article>.Failure(NotFound(globalId));
        }

        if (article.Version != version)
        {
            return MutationResult<Article>.Failure(Conflict(article.Version));
        }

        db.Remove(article);
        try
        {
            await db.SaveChangesAsync(ctx.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictOrNotFoundAsync(ctx, id, globalId);
        }

        LoadedArticleGraphs.MarkLoaded(article);
        return article;
    }

    /// <summary>
    /// Loads the article the input names, checks its version, applies <paramref name="change"/> and saves with the
    /// version as concurrency token, so of two editors holding the same version exactly one wins. Domain errors
    /// from <paramref name="change"/> abandon the unit of work: nothing is written. <paramref name="announce"/> adds
    /// the change's events to the outbox in the same save, so they are sent exactly when the change committed.
    /// </summary>
    private static async Task<MutationResult<Article>> EditAsync(
        IResolveFieldContext ctx,
        MutationInput input,
        Func<NewsDbContext, Article, Task<IReadOnlyList<IMutationError>?>> change,
        Action<NewsDbContext, Article, DateTime> announce)
    {
        var globalId = input.GetString("id")!;
        var id = NodeId.DecodeInt(globalId, ArticleType.TypeName);
        var version = input.GetInt("version")!.Value;

        await using var db = await ctx.CreateNewsDbContextAsync();
        db.IncludeUnpublished = true;
        var article = await LoadAsync(db, id, ctx.CancellationToken);
        if (article is null)
        {
            return MutationResult<Article>.Failure(NotFound(globalId));
        }

        if (article.Version != version)
        {
            return MutationResult<Article>.Failure(Conflict(article.Version));
        }

        if (await change(db, article) is { Count: > 0 } errors)
        {
            return MutationResult<Article>.Failure(errors);
        }

        var now = Now(ctx);
        article.UpdatedAt = now;
        // The announcement is saved with the change (the event outbox): both commit or neither does.
        announce(db, article, now);
        try
        {
            await db.SaveChangesAsync(ctx.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictOrNotFoundAsync(ctx, id, globalId);
        }
        catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
        {
            return MutationResult<Article>.Failure(SlugTaken(article.Slug));
        }

        Publishing(ctx).Committed();
        LoadedArticleGraphs.MarkLoaded(article);
        return article;
    }

    private static Task<Article?> LoadAsync(NewsDbContext db, int id, CancellationToken cancellationToken) =>
        db.Articles.AsTracking()
            .Include(a => a.Author)
            .Include(a => a.Category)
            .Include(a => a.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    private static async Task<List<Tag>> LoadTagsAsync(
        NewsDbContext db, IReadOnlyList<string>? globalIds, List<int>? ids, List<IMutationError> notFound, CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        var tags = await db.Tags.AsTracking().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var found = tags.Select(t => t.Id).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!found.Contains(ids[i]))
            {
                notFound.Add(new NotFoundError(globalIds![i], $"No tag has the ID `{globalIds[i]}`."));
            }
        }

        // In the order the editor listed them.
        return [.. ids.Select(id => tags.FirstOrDefault(t => t.Id == id)).OfType<Tag>()];
    }

    private static async Task<MutationResult<Article>> ConflictOrNotFoundAsync(IResolveFieldContext ctx, int id, string globalId)
    {
        await using var db = await ctx.CreateNewsDbContextAsync();
        db.IncludeUnpublished = true;
        var current = await db.Articles.Where(a => a.Id == id).Select(a => (int?)a.Version).FirstOrDefaultAsync(ctx.CancellationToken);
        return current is int version
            ? MutationResult<Article>.Failure(Conflict(version))
            : MutationResult<Article>.Failure(NotFound(globalId));
    }

    private static void ValidateContent(List<ValidationError> errors, MutationInput input, string title, string body)
    {
        InputValidation.RequiredText(errors, "title", title, NewsDbContext.TitleMaxLength);
        InputValidation.MaxLength(errors, "body", body, InputValidation.BodyMaxLength);
        InputValidation.MaxLength(errors, "summary", input.GetString("summary"), NewsDbContext.SummaryMaxLength);
        InputValidation.Url(errors, "heroImageUrl", input.GetString("heroImageUrl"));
        InputValidation.Url(errors, "canonicalUrl", input.GetString("canonicalUrl"));
    }

    private static NotFoundError NotFound(string globalId) => new(globalId, $"No article has the ID `{globalId}`.");

    private static ConcurrencyConflictError Conflict(int currentVersion) =>
        new(currentVersion, $"The article has changed since you read it (it is now at version {currentVersion}); nothing was saved.");

    private static SlugTakenError SlugTaken(string slug) => new(slug, $"Another article already has the slug `{slug}`.");

    private static ArticlePublishing Publishing(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<ArticlePublishing>();

    private static DateTime Now(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
