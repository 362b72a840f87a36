using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Data.Concurrency;

namespace NewsGraph.GraphQL.Webhooks;

/// <summary>
/// Sends the pending <see cref="WebhookDelivery"/> rows. Each endpoint has at most one request in flight across all
/// instances, and this instance at most <see cref="WebhookDeliveryOptions.MaxConcurrentDeliveries"/>: a slow or
/// failing endpoint holds one slot for at most <see cref="WebhookDeliveryOptions.AttemptTimeout"/> and never delays
/// another endpoint's deliveries, nor the writes that enqueue them. A delivery waits while an earlier pending delivery
/// of the same ordering key to the same endpoint exists (until that one succeeded or finally failed), so one subject's
/// events arrive in order; different subjects of one endpoint overtake a delivery that waits for its retry. Claims are
/// leases (<see cref="WebhookDeliveryOptions.LeaseDuration"/>) taken in turns (<see cref="DatabaseTurns"/>), so one
/// instance sends a delivery at a time and a crashed instance's deliveries are sent again after the lease: at least
/// once, with the same idempotency id every time.
/// </summary>
public sealed class WebhookDispatcher<TContext>(
    IDbContextFactory<TContext> databases,
    WebhookOutbox queue,
    WebhookDeliveryOptions options,
    WebhookRetrySchedule schedule,
    WebhookAddressPolicy policy,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<WebhookDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    /// <summary>The named <see cref="HttpClient"/> webhooks are sent with (<see cref="WebhookHttpHandler"/>).</summary>
    public const string HttpClientName = "NewsGraph.Webhooks";

    private static readonly long ClaimTurn = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData("NewsGraph.GraphQL.Webhooks:WebhookDeliveries"u8));

    private readonly string _instance = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Dictionary<long, Task> _sending = [];
    private DateTime _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ClaimAndStartAsync(stoppingToken).ConfigureAwait(false);
                await CleanUpAsync(stoppingToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The dispatcher must outlive a database that is away for a while: it tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                WebhookLog.ClaimFailed(logger, ex, failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(failures, 10)))), clock, stoppingToken)
                    .ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                continue;
            }

            // Until something may have changed: deliveries were committed, a send finished (a slot and perhaps the
            // next event of its subject are free), or the poll interval passed (retries fall due, other instances).
            using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var wake = queue.WaitAsync(options.PollInterval, woken.Token);
            Task[] sending;
            lock (_sending)
            {
                sending = [.. _sending.Values];
            }

            await (sending.Length == 0 ? wake : Task.WhenAny(wake, Task.WhenAny(sending))).ConfigureAwait(false);
            await woken.CancelAsync().ConfigureAwait(false);
            await wake.ConfigureAwait(false);
        }

        Task[] unfinished;
        lock (_sending)
        {
            unfinished = [.. _sending.Values];
        }

        // The sends were cancelled with the stopping token; each releases its claim.
        await Task.WhenAll(unfinished).ConfigureAwait(false);
    }

    private async Task ClaimAndStartAsync(CancellationToken stoppingToken)
    {
        int free;
        lock (_sending)
        {
            free = options.MaxConcurrentDeliveries - _sending.Count;
        }

        if (free <= 0)
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync(stoppingToken).ConfigureAwait(false);
        var deliveries = db.Set<WebhookDelivery>();
        var now = clock.GetUtcNow().UtcDateTime;
        var instance = _instance;
        // A plain read first: most passes find nothing due, and a claim's turn would take SQLite's write lock each time.
        if (!await deliveries.AnyAsync(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now), stoppingToken)
            .ConfigureAwait(false))
        {
            return;
        }

        await using (var turn = await db.Database.BeginTurnAsync(ClaimTurn, stoppingToken).ConfigureAwait(false))
        {
            var due = deliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                && (d.LockedUntil == null || d.LockedUntil < now)
                && !deliveries.Any(e => e.WebhookId == d.WebhookId && e.OrderingKey == d.OrderingKey && e.Status == WebhookDeliveryStatus.Pending && e.Id < d.Id)
                && !deliveries.Any(e => e.WebhookId == d.WebhookId && e.LockedUntil != null && e.LockedUntil >= now));
            var firstPerEndpoint = due.GroupBy(d => d.WebhookId).Select(g => g.Min(d => d.Id));
            await deliveries.Where(d => firstPerEndpoint.Contains(d.Id))
                .OrderBy(d => d.Id)
                .Take(free)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedBy, instance).SetProperty(d => d.LockedUntil, now + options.LeaseDuration), stoppingToken)
                .ConfigureAwait(false);
            await turn.CommitAsync(stoppingToken).ConfigureAwait(false);
        }

        long[] started;
        lock (_sending)
        {
            started = [.. _sending.Keys];
        }

        var claimed = await deliveries.AsNoTracking()
            .Include(d => d.Webhook)
            .Where(d => d.LockedBy == instance && d.Status == WebhookDeliveryStatus.Pending && !started.Contains(d.Id))
            .ToListAsync(stoppingToken)
            .ConfigureAwait(false);
        foreach (var delivery in claimed)
        {
            lock (_sending)
            {
                _sending[delivery.Id] = Task.Run(() => SendAndRecordAsync(delivery, stoppingToken), CancellationToken.None);
            }
        }
    }

    /// <summary>Once an hour: the log keeps finished deliveries for <see cref="WebhookDeliveryOptions.DeliveryLogRetention"/>.</summary>
    private async Task CleanUpAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + TimeSpan.FromHours(1);
        var before = now - options.DeliveryLogRetention;
        await using var db = await databases.CreateDbContextAsync(stoppingToken).ConfigureAwait(false);
        await db.Set<WebhookDelivery>()
            .Where(d => d.Status != WebhookDeliveryStatus.Pending && d.CreatedAt < before)
            .ExecuteDeleteAsync(stoppingToken)
            .ConfigureAwait(false);
    }

    private async Task SendAndRecordAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var attempt = await AttemptAsync(delivery, stoppingToken).ConfigureAwait(false);
            await RecordAsync(delivery, attempt).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped mid-request: not an attempt of the endpoint's; another instance (or the next start) sends it at once.
            await ReleaseAsync(delivery.Id).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One delivery's trouble (the database away) must not end the dispatcher; the lease brings it back.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WebhookLog.RecordFailed(logger, ex, delivery.Id);
        }
        finally
        {
            lock (_sending)
            {
                _sending.Remove(delivery.Id);
            }
        }
    }

    private sealed record Attempt(DateTime At, int? StatusCode, string? Error);

    private async Task<Attempt> AttemptAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var at = clock.GetUtcNow();
        var endpoint = delivery.Webhook!;
        // Registered under the rules of its day: the rules of now decide (a setting may have been turned off since).
        if (policy.CheckSyntax(endpoint.Url, out var url) is { } problem)
        {
            return new Attempt(at.UtcDateTime, null, $"The URL {problem}");
        }

        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-NewsGraph-Signature", WebhookSignature.Create(body, endpoint.Secret, at));
        request.Headers.Add("X-NewsGraph-Event", delivery.EventType);
        request.Headers.Add("X-NewsGraph-Delivery", delivery.EventId);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("NewsGraph-Webhooks", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.AttemptTimeout);
        var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new Attempt(at.UtcDateTime, status, null);
            }

            var excerpt = await ReadExcerptAsync(response, timeout.Token).ConfigureAwait(false);
            return new Attempt(at.UtcDateTime, status, $"HTTP {status} {response.ReasonPhrase}{(excerpt.Length > 0 ? ": " + excerpt : "")}");
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new Attempt(at.UtcDateTime, null, $"No response within {options.AttemptTimeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            var refused = ex.InnerException as WebhookAddressRefusedException;
            return new Attempt(at.UtcDateTime, null, refused?.Message ?? ex.Message);
        }
    }

    /// <summary>The start of a failed response's body, for the log: read at most <see cref="WebhookDeliveryOptions.MaxResponseBodyBytes"/>.</summary>
    private async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new byte[options.MaxResponseBodyBytes];
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return Encoding.UTF8.GetString(buffer, 0, read).Trim();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            return "";
        }
    }

    private async Task RecordAsync(WebhookDelivery delivery, Attempt attempt)
    {
        var attempts = delivery.Attempts + 1;
        var status = attempt.Error is null ? WebhookDeliveryStatus.Succeeded : WebhookDeliveryStatus.Pending;
        DateTime? next = null;
        if (attempt.Error is not null)
        {
            if (schedule.NextDelay(attempts) is { } delay)
            {
                next = clock.GetUtcNow().UtcDateTime + delay;
            }
            else
            {
                status = WebhookDeliveryStatus.Failed;
            }

            WebhookLog.AttemptFailed(logger, delivery.Id, delivery.WebhookId, attempts, attempt.Error);
        }

        var error = attempt.Error is { Length: > WebhookDelivery.MaxErrorLength } longError ? longError[..WebhookDelivery.MaxErrorLength] : attempt.Error;
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        // Only while the claim is still this instance's: after a lost lease the other instance's result counts. A success
        // keeps the last failure's error, so the log still says why it took several attempts.
        await db.Set<WebhookDelivery>()
            .Where(d => d.Id == delivery.Id && d.LockedBy == _instance)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, status)
                    .SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.LastAttemptAt, attempt.At)
                    .SetProperty(d => d.NextAttemptAt, next)
                    .SetProperty(d => d.LastError, d => error ?? d.LastError)
                    .SetProperty(d => d.ResponseStatusCode, attempt.StatusCode)
                    .SetProperty(d => d.LockedBy, (string?)null)
                    .SetProperty(d => d.LockedUntil, (DateTime?)null),
                CancellationToken.None)
            .ConfigureAwait(false);
    }

    private async Task ReleaseAsync(long deliveryId)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
            await db.Set<WebhookDelivery>()
                .Where(d => d.Id == deliveryId && d.LockedBy == _instance)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedBy, (string?)null).SetProperty(d => d.LockedUntil, (DateTime?)null), CancellationToken.None)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort on the way out: the lease expires anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
