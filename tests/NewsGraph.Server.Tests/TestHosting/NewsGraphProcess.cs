namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>
/// The NewsGraph server as a separate process (<see cref="ServerProcess"/>), the build this test run compiled: the
/// test project references the server, so its output holds <c>NewsGraph.Server.dll</c> with its runtimeconfig,
/// deps and appsettings.json. For what only a real process shows: signals, exit codes, a crash, several instances.
/// </summary>
public static class NewsGraphProcess
{
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "NewsGraph.Server.dll");

    /// <summary>
    /// Starts the server on <paramref name="databasePath"/> (a SQLite file, migrated and given the sample data when
    /// new) with <paramref name="settings"/> on top (e.g. another <c>ConnectionStrings:News</c>,
    /// <c>Redis:Configuration</c>); returns once <c>/health/ready</c> answers 200.
    /// </summary>
    public static Task<ServerProcess> StartAsync(string databasePath, IEnumerable<KeyValuePair<string, string>>? settings = null) =>
        StartAsync(new Dictionary<string, string> { ["ConnectionStrings:News"] = $"Data Source={databasePath}" }, settings);

    /// <summary>
    /// Starts the server on <paramref name="database"/> (its provider and connection string; several processes may
    /// share it) with <paramref name="settings"/> on top; returns once <c>/health/ready</c> answers 200.
    /// </summary>
    public static Task<ServerProcess> StartAsync(NewsTestDatabase database, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return StartAsync(database.Settings, settings);
    }

    private static Task<ServerProcess> StartAsync(IEnumerable<KeyValuePair<string, string>> databaseSettings, IEnumerable<KeyValuePair<string, string>>? settings)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Warnings and the host's lifecycle lines: enough to diagnose a failure without flooding the output.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in databaseSettings.Concat(settings ?? []))
        {
            all[key] = value;
        }

        return ServerProcess.StartAsync(new ServerProcessOptions { AssemblyPath = AssemblyPath, Settings = all });
    }
}
