using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace NewsGraph.Benchmarks.Security;

/// <summary>
/// A NewsGraph server build (any build: this repository's or an older one, to measure before and after) in a child
/// process on a free loopback port, so that a request that kills the process is recorded instead of ending the
/// benchmark, and the server can be started again.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    // Short, because the time to the first response is one of the figures the throughput benchmark reports.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Endpoint = new Uri(baseAddress, "graphql");
    }

    /// <summary>The root of the server, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The GraphQL endpoint (for a NewsGraph server).</summary>
    public Uri Endpoint { get; }

    /// <summary>The server process's resident memory now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>From starting the process to the first successful answer of the readiness probe.</summary>
    public TimeSpan TimeToFirstResponse { get; private set; }

    /// <summary>The repository this benchmark was built in: bench/NewsGraph.Benchmarks/bin/&lt;configuration&gt;/&lt;tfm&gt;/, five levels up.</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    /// <summary>This repository's Release build of the server, beside the benchmark's own output folder.</summary>
    public static string RepositoryBuild
    {
        get
        {
            // -> src/NewsGraph.Server/bin/Release/<tfm>/NewsGraph.Server.dll
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            return Path.Combine(RepositoryRoot, "src", "NewsGraph.Server", "bin", "Release", tfm, "NewsGraph.Server.dll");
        }
    }

    /// <summary>Whether the process ends within <paramref name="wait"/> (a request that killed it may take a moment to show).</summary>
    public async Task<bool> HasExitedAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <param name="settings">Extra configuration as <c>Key=Value</c> (e.g. <c>GraphQL:Limits:ExecutionTimeout=00:00:02</c>).</param>
    public static Task<ServerProcess> StartAsync(
        string serverDll, string databasePath, string environment, IEnumerable<string> settings, HttpClient http, CancellationToken ct) =>
        StartAsync(serverDll, databasePath, environment, settings, new ServerStart(http), ct);

    /// <param name="settings">Extra configuration as <c>Key=Value</c> (e.g. <c>GraphQL:Limits:ExecutionTimeout=00:00:02</c>).</param>
    public static Task<ServerProcess> StartAsync(
        string serverDll, string databasePath, string environment, IEnumerable<string> settings, ServerStart how, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        List<string> arguments =
        [
            serverDll,
            $"--environment={environment}",
            $"--ConnectionStrings:News=Data Source={databasePath}",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(setting => "--" + setting),
        ];
        return StartProcessAsync("dotnet", arguments, Path.GetDirectoryName(databasePath)!, serverDll, how, ct);
    }

    /// <summary>
    /// This benchmark program again, with a (hidden) verb that serves HTTP on the <c>--urls</c> it is given:
    /// the apphost when there is one, else <c>dotnet &lt;dll&gt;</c>.
    /// </summary>
    public static Task<ServerProcess> StartBenchVerbAsync(string verb, IEnumerable<string> arguments, ServerStart how, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string processPath = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        List<string> all = [];
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            all.Add(Assembly.GetEntryAssembly()!.Location);
        }

        all.Add(verb);
        all.AddRange(arguments);
        return StartProcessAsync(processPath, all, Environment.CurrentDirectory, verb, how, ct);
    }

    /// <summary>
    /// Any other server program (e.g. <c>node server.js</c>) that serves HTTP on the <c>--urls=http://127.0.0.1:port</c>
    /// appended to its <paramref name="arguments"/>.
    /// </summary>
    public static Task<ServerProcess> StartCommandAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, ServerStart how, CancellationToken ct) =>
        StartProcessAsync(fileName, [.. arguments], workingDirectory, fileName, how, ct);

    private static async Task<ServerProcess> StartProcessAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, string what, ServerStart how, CancellationToken ct)
    {
        int port = FreeLoopbackPort();
        // Pinned with taskset when asked, so the server under test and the load generator do not share a core.
        var start = new ProcessStartInfo(how.Cpu is null ? fileName : "taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (how.Cpu is int cpu)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpu.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"));

        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        // Drained so a chatty server never blocks on a full pipe; what it says is not the subject.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var request = how.ReadinessProbe(server.BaseAddress);
                using var response = await how.Http.SendAsync(request, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.TimeToFirstResponse = sinceStart.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval, ct);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"The server {what} did not answer its readiness probe within a minute.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
