using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// Publishes scheduled articles when their time comes, through <see cref="ArticleWorkflow.PublishScheduledAsync"/>: the
/// change a manual <c>publishArticle</c> makes, so the same <see cref="ArticlePublished"/> goes through the outbox and the
/// search index follows in the same transaction.
/// <para>
/// It sleeps until the earliest schedule it knows of (one indexed query on (Status, ScheduledFor)), woken early by
/// <see cref="ArticleSchedule"/> when a schedule changes through this instance, and looks again at least every
/// <see cref="SchedulingSettings.PollInterval"/> for schedules made through other instances. Every instance runs one;
/// when several find the same article due, each publishes it only if it is still at the version they read (the
/// workflow takes the row at that version in one statement), so exactly one publishes it and one event is announced.
/// On start it publishes whatever fell due while no instance was running.
/// </para>
/// </summary>
public sealed partial class ScheduledPublisher(
    IDbContextFactory<NewsDbContext> databases,
    ArticleWorkflow workflow,
    ArticleSchedule schedule,
    SchedulingSettings settings,
    TimeProvider clock,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    /// <summary>The SQL comment on the publisher's look-ups, so a database log (or a test's command counter) tells them from requests' queries.</summary>
    public const string QueryTag = "NewsGraph scheduled publisher";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await PublishDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The publisher must outlive a failing database: it tries again at the next poll.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                wait = settings.PollInterval;
                PublishingFailed(logger, ex, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                await schedule.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Publishes every article due now; returns how long to sleep before looking again.</summary>
    private async Task<TimeSpan> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.WithUnpublished();
        var scheduled = db.Articles.TagWith(QueryTag).Where(a => a.Status == ArticleStatus.Scheduled);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await scheduled
                .Where(a => a.ScheduledFor <= now)
                .OrderBy(a => a.ScheduledFor).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Version })
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var article in due)
            {
                var result = await workflow.PublishScheduledAsync(NodeReference.For(ArticleType.TypeName, article.Id), article.Version, cancellationToken)
                    .ConfigureAwait(false);
                if (result.Errors is null)
                {
                    Published(logger, article.Id);
                }
                else
                {
                    // Another instance published it first, or an editor changed it since it was read: nothing to do.
                    LeftAlone(logger, article.Id, result.Errors[0].Message);
                }
            }

            if (due.Count < settings.BatchSize)
            {
                break;
            }
        }

        var next = await scheduled.MinAsync(a => a.ScheduledFor, cancellationToken).ConfigureAwait(false);
        var untilNext = next - clock.GetUtcNow().UtcDateTime;
        return untilNext is { } left && left < settings.PollInterval ? left : settings.PollInterval;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Published scheduled article {ArticleId}.")]
    private static partial void Published(ILogger logger, int articleId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Scheduled article {ArticleId} was left alone: {Reason}")]
    private static partial void LeftAlone(ILogger logger, int articleId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Publishing scheduled articles failed; trying again in {Pause}.")]
    private static partial void PublishingFailed(ILogger logger, Exception exception, TimeSpan pause);
}
