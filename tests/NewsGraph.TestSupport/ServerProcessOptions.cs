namespace NewsGraph.TestSupport;

/// <summary>What <see cref="ServerProcess.StartAsync"/> runs: an ASP.NET Core application's assembly, with its settings.</summary>
public sealed class ServerProcessOptions
{
    /// <summary>The application's built assembly (<c>.dll</c>), run with <c>dotnet</c>; its runtimeconfig.json lies beside it.</summary>
    public required string AssemblyPath { get; init; }

    /// <summary>
    /// Configuration given on the command line as <c>--Key=Value</c> (e.g. <c>ConnectionStrings:News</c>,
    /// <c>Redis:Configuration</c>), after <see cref="Arguments"/>: they win over appsettings.json and the environment.
    /// </summary>
    public IDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Command-line arguments placed before the settings, verbatim.</summary>
    public IList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables set for the process (on top of the test's own); a null value removes one.</summary>
    public IDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The working directory (relative paths in settings mean it); the assembly's folder when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The path that answers 200 once the application can serve; <see cref="ServerProcess.StartAsync"/> returns then.
    /// Null returns as soon as the address is known.
    /// </summary>
    public string? ReadinessPath { get; init; } = "/health/ready";

    /// <summary>How long the process may take to bind its port and become ready; generous for a loaded 2-core machine.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
