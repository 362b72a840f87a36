namespace NewsGraph.GraphQL.Streaming;

/// <summary>The single writer of a streamed response body: frames as they are queued, a keep-alive frame when idle.</summary>
internal static class ResultStreamWriter
{
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
