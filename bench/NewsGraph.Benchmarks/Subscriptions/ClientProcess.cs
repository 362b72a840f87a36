using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Threading.Channels;

namespace NewsGraph.Benchmarks.Subscriptions;

/// <summary>The parent's handle on a <c>fanout-clients</c> child process: starts it, reads its lines, tells it to report and quit.</summary>
internal sealed class ClientProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _stderr = [];
    private bool _disposed;

    private ClientProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public static ClientProcess Start(IReadOnlyList<Uri> endpoints, int count, int connectConcurrency)
    {
        // The same program, re-entered through its hidden verb: the apphost when there is one, else `dotnet <dll>`.
        string processPath = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(processPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("fanout-clients");
        foreach (Uri endpoint in endpoints)
        {
            start.ArgumentList.Add("--endpoint");
            start.ArgumentList.Add(endpoint.ToString());
        }

        start.ArgumentList.Add("--count");
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--connect-concurrency");
        start.ArgumentList.Add(connectConcurrency.ToString(CultureInfo.InvariantCulture));
        // The clients are load, not the subject: a workstation GC keeps their footprint and GC threads small.
        start.Environment["DOTNET_gcServer"] = "0";

        Process process = Process.Start(start) ?? throw new InvalidOperationException("The client process did not start.");
        var client = new ClientProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                client._lines.Writer.TryComplete();
            }
            else
            {
                client._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (client._stderr)
                {
                    client._stderr.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>The next line starting with <paramref name="prefix"/> (earlier other lines are skipped), or null on timeout.</summary>
    public async Task<string?> WaitForAsync(string prefix, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(limit.Token))
            {
                while (_lines.Reader.TryRead(out string? line))
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }

            throw new InvalidOperationException("The client process ended: " + StandardError());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Every line that has arrived and starts with <paramref name="prefix"/>, without waiting.</summary>
    public IEnumerable<string> Drain(string prefix)
    {
        while (_lines.Reader.TryRead(out string? line))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return line;
            }
        }
    }

    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    public string StandardError()
    {
        lock (_stderr)
        {
            return string.Join('\n', _stderr.TakeLast(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            try
            {
                await SendAsync("QUIT");
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
                // Only this child, by its own handle.
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }
}
