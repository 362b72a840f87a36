using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsGraph.TestSupport;

/// <summary>
/// A real <c>redis-server</c> process of the test's own, on a free loopback port, with the append-only file on
/// (and RDB snapshots off) in a temporary folder: a restart keeps every acknowledged write, like a production Redis
/// with persistence. Nothing here depends on a Redis that is already running; tests/run.sh installs the binary.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly string _directory;
    private Process? _process;

    private RedisServer(int port, string directory)
    {
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server on a free port.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var server = Reserve();
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>A server that is not running yet (for "Redis appears later"): call <see cref="StartProcessAsync"/>.</summary>
    public static RedisServer Reserve()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"newsgraph-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return new RedisServer(FreePort(), directory);
    }

    public async Task StartProcessAsync()
    {
        var binary = FindBinary();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", _directory,
                     "--protected-mode", "no", "--daemonize", "no",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        // Drain the output so that a chatty server never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                if ((await ExecuteAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
            catch (IOException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Shuts Redis down cleanly (the append-only file is flushed), as an operator's restart would.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            try
            {
                await ExecuteAsync("SHUTDOWN");
            }
            catch (IOException)
            {
                // The connection closes as the server exits.
            }
            catch (SocketException)
            {
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    /// <summary>Sends one inline command on a connection of its own and returns the first line of the reply.</summary>
    public async Task<string> ExecuteAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>Sends a command with arguments that may contain spaces or quotes (RESP array form).</summary>
    public async Task<string> ExecuteAsync(params string[] arguments)
    {
        var request = new StringBuilder();
        request.Append(CultureInfo.InvariantCulture, $"*{arguments.Length}\r\n");
        foreach (var argument in arguments)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        }

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>Drops every client connection (commands and pub/sub), as a network blip would.</summary>
    public async Task KillClientsAsync()
    {
        await ExecuteAsync("CLIENT", "KILL", "TYPE", "normal");
        await ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindBinary()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("redis-server is not on PATH. tests/run.sh installs it (apt-get install redis-server).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
