using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// The response side of a streamed response, the same for every streaming HTTP transport: its headers, and the single
/// writer of its body (frames as they are queued, a keep-alive frame when idle, the end on shutdown).
/// </summary>
internal static class ResultStreamWriter
{
    /// <summary>200, the format's content type, no caching and no buffering anywhere on the way.</summary>
    public static void SetHeaders(HttpContext context, IResultStreamFormat format)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        response.Headers.CacheControl = "no-cache";
        // Tells nginx-style proxies not to buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    /// <summary>Sends the headers and the format's start at once: the client knows the stream is open before the first result.</summary>
    public static async Task StartAsync(HttpContext context, IResultStreamFormat format, CancellationToken aborted)
    {
        SetHeaders(context, format);
        var response = context.Response;
        await response.StartAsync(aborted);
        await response.Body.WriteAsync(format.Start, aborted);
        await response.Body.FlushAsync(aborted);
    }

    /// <summary>
    /// Writes the queue to the response of <paramref name="context"/> until the stream ends, the client goes away or
    /// the application stops.
    /// </summary>
    public static Task WriteAsync(HttpContext context, ResultStreamQueue queue, IResultStreamFormat format, TimeSpan keepAliveInterval)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        return WriteAsync(context.Response.Body, queue, format, keepAliveInterval, context.RequestAborted, stopping);
    }

    /// <summary>
    /// Writes until the stream ends, or until the server is stopping: then what is already queued still goes out,
    /// followed by the format's <see cref="IResultStreamFormat.ServerStopping"/> frame unless the stream had ended.
    /// </summary>
    public static async Task WriteAsync(
        Stream body, ResultStreamQueue queue, IResultStreamFormat format, TimeSpan keepAliveInterval, CancellationToken aborted, CancellationToken stopping)
    {
        var keepAlive = keepAliveInterval > TimeSpan.Zero && keepAliveInterval != Timeout.InfiniteTimeSpan;
        var reader = queue.Reader;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        // One pending wait at a time, kept across keep-alives.
        Task<bool>? ready = null;
        while (true)
        {
            ready ??= reader.WaitToReadAsync(waiting.Token).AsTask();
            if (keepAlive && !ready.IsCompleted)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                var first = await Task.WhenAny(ready, Task.Delay(keepAliveInterval, idle.Token));
                await idle.CancelAsync();
                if (first != ready)
                {
                    await body.WriteAsync(format.KeepAlive, aborted);
                    await body.FlushAsync(aborted);
                    continue;
                }
            }

            bool more;
            var stopped = false;
            try
            {
                more = await ready;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                more = false;
                stopped = true;
            }

            ready = null;
            while (reader.TryRead(out var frame))
            {
                await body.WriteAsync(frame, aborted);
            }

            if (stopped && !queue.HasEnded)
            {
                await body.WriteAsync(format.ServerStopping, aborted);
            }

            await body.FlushAsync(aborted);
            if (!more)
            {
                return;
            }
        }
    }
}
