using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NewsGraph.Benchmarks.Security;

/// <summary>
/// A NewsGraph server build (any build: this repository's or an older one, to measure before and after) in a child
/// process on a free loopback port, so that a request that kills the process is recorded instead of ending the
/// benchmark, and the server can be started again.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>This repository's Release build of the server, beside the benchmark's own output folder.</summary>
    public static string RepositoryBuild
    {
        get
        {
            // bench/NewsGraph.Benchmarks/bin/<configuration>/<tfm>/ -> src/NewsGraph.Server/bin/Release/<tfm>/NewsGraph.Server.dll
            var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            return Path.Combine(repository, "src", "NewsGraph.Server", "bin", "Release", tfm, "NewsGraph.Server.dll");
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
    public static async Task<ServerProcess> StartAsync(
        string serverDll, string databasePath, string environment, IEnumerable<string> settings, HttpClient http, CancellationToken ct)
    {
        int port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"));
        start.ArgumentList.Add($"--environment={environment}");
        start.ArgumentList.Add($"--ConnectionStrings:News=Data Source={databasePath}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add("--" + setting);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        // Drained so a chatty server never blocks on a full pipe; what it says is not the subject.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/graphql")));
        var live = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/health/live"));
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(live, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"The server {serverDll} did not become live within a minute.");
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
