using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NewsGraph.TestSupport;

/// <summary>
/// An ASP.NET Core application running as a separate OS process, as in production: started with <c>dotnet</c> on
/// <c>http://127.0.0.1:0</c> (the port Kestrel picked is read from its "Now listening on:" log line), waited for
/// until its readiness path answers 200, and stopped as an orchestrator would — SIGTERM (<see cref="Terminate"/>) or
/// SIGKILL (<see cref="Kill"/>). Its standard output and error are kept for assertions and for the message of a
/// failed wait. Several may run at once (two instances on one database and one Redis).
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        _process = process;
        Http = new HttpClient();
    }

    /// <summary>The address Kestrel bound, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Http.BaseAddress ?? throw new InvalidOperationException("The process has not bound an address yet.");

    /// <summary>A client of <see cref="BaseAddress"/>.</summary>
    public HttpClient Http { get; }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The lines written to standard output so far.</summary>
    public IReadOnlyList<string> StandardOutput => [.. _output];

    /// <summary>The lines written to standard error so far.</summary>
    public IReadOnlyList<string> StandardError => [.. _error];

    /// <summary>Starts the application and returns once it is ready (see <see cref="ServerProcessOptions.ReadinessPath"/>).</summary>
    public static async Task<ServerProcess> StartAsync(ServerProcessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.AssemblyPath))
        {
            throw new FileNotFoundException("The application to run has not been built.", options.AssemblyPath);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(options.AssemblyPath)!,
        };
        start.ArgumentList.Add(options.AssemblyPath);
        foreach (var argument in options.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The harness needs the bound address in the log, whatever the application's log levels say.
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information");
        foreach (var (key, value) in options.Settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, line) => server.OnOutput(line.Data, server._output);
        process.ErrorDataReceived += (_, line) => server.OnOutput(line.Data, server._error);
        process.Exited += (_, _) => server._listening.TrySetException(
            new InvalidOperationException($"The process exited before it listened.{server.Diagnostics()}"));
        if (!process.Start())
        {
            throw new InvalidOperationException($"{start.FileName} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            server.Http.BaseAddress = await server.WaitForAddressAsync(options.StartTimeout, timeout.Token);
            if (options.ReadinessPath is { } readiness)
            {
                await server.WaitUntilReadyAsync(readiness, timeout.Token);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and Kubernetes do: the application is asked to shut down gracefully.</summary>
    public void Terminate() => SendSignal("TERM");

    /// <summary>Sends SIGKILL: the process ends at once, as in a crash or an out-of-memory kill.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>Waits (bounded) for the process to exit and returns its exit code; fails with its output otherwise.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The process did not exit within {timeout.TotalSeconds:0.#} s.{Diagnostics()}");
        }

        return _process.ExitCode;
    }

    /// <summary>The first output line (standard output or error) that matches, waiting (bounded) for it.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        string? found = null;
        await Wait.UntilAsync(() => (found = _output.Concat(_error).FirstOrDefault(match)) is not null, $"output: {what}", timeout);
        return found!;
    }

    /// <summary>The process's output, for the message of a failed assertion.</summary>
    public string Diagnostics() =>
        $"{Environment.NewLine}--- stdout ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}"
        + $"{Environment.NewLine}--- stderr ---{Environment.NewLine}{string.Join(Environment.NewLine, _error)}";

    /// <summary>Kills the process if it still runs (a test that failed half-way must not leave it behind).</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                Kill();
                using var wait = new CancellationTokenSource(KillTimeout);
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void OnOutput(string? line, ConcurrentQueue<string> lines)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups["address"].Value));
        }
    }

    private async Task<Uri> WaitForAddressAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _listening.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The process did not listen within {timeout.TotalSeconds:0.#} s.{Diagnostics()}");
        }
    }

    private async Task WaitUntilReadyAsync(string path, CancellationToken cancellationToken)
    {
        var last = "no answer";
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited ({_process.ExitCode}) before it was ready.{Diagnostics()}");
            }

            try
            {
                using var response = await Http.GetAsync(path, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"{path} did not answer 200 in time (last: {last}).{Diagnostics()}");
            }

            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"{path} did not answer 200 in time (last: {last}).{Diagnostics()}");
            }
        }
    }

    /// <summary>Signals with the system's <c>kill</c> command: the BCL sends SIGKILL only.</summary>
    private void SendSignal(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Signals are a Unix feature; the process tests run on Linux.");
        }

        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add($"-{signal}");
        start.ArgumentList.Add(_process.Id.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill did not start.");
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed: {error}");
        }
    }

    /// <summary>
    /// The .NET host that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one running this process when it is
    /// <c>dotnet</c>, else <c>dotnet</c> from PATH.
    /// </summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath
            && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        return "dotnet";
    }

    // Kestrel's line, logged by Microsoft.Hosting.Lifetime once it listens (the first address when there are several).
    [GeneratedRegex(@"Now listening on: (?<address>https?://\S+)")]
    private static partial Regex ListeningLine();
}
