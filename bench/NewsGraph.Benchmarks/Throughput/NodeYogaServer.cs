using System.Diagnostics;
using NewsGraph.Benchmarks.Security;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// The Node.js GraphQL Yoga peer of issue 10 (<c>bench/node-yoga</c>): the same five reads over the same SQLite file,
/// as a Node team would serve them. Started as <c>node server.js --database X --urls=...</c>.
/// </summary>
internal static class NodeYogaServer
{
    public static string Folder => Path.Combine(ServerProcess.RepositoryRoot, "bench", "node-yoga");

    public static bool NodeIsOnPath => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(folder => File.Exists(Path.Combine(folder, "node")));

    /// <summary>
    /// Runs <c>npm ci</c> in the server's folder when its packages are not installed or the lock file is newer than the
    /// install (npm writes <c>node_modules/.package-lock.json</c>); better-sqlite3 compiles from source: minutes.
    /// </summary>
    /// <returns>Whether node and the packages are there.</returns>
    public static async Task<bool> EnsureInstalledAsync(CancellationToken ct)
    {
        if (!NodeIsOnPath)
        {
            Console.Error.WriteLine("--node needs Node.js 20 or later on PATH.");
            return false;
        }

        var installed = new FileInfo(Path.Combine(Folder, "node_modules", ".package-lock.json"));
        if (installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
        {
            return true;
        }

        Console.WriteLine($"npm ci in {Folder} (better-sqlite3 compiles from source with node-gyp: a few minutes)");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = Folder, UseShellExecute = false };
        foreach (var argument in (string[])["ci", "--no-audit", "--no-fund"])
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        await npm.WaitForExitAsync(ct);
        if (npm.ExitCode != 0)
        {
            Console.Error.WriteLine($"npm ci failed (exit code {npm.ExitCode}); run it in {Folder} by hand, or pass --node false.");
            return false;
        }

        return true;
    }

    public static Task<ServerProcess> StartAsync(string databasePath, ServerStart how, CancellationToken ct) =>
        ServerProcess.StartCommandAsync("node", ["server.js", "--database", databasePath], Folder, how, ct);
}
