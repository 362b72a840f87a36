using System.ComponentModel.DataAnnotations;

namespace NewsGraph.Server.Hosting;

/// <summary>The <c>Shutdown</c> configuration section: how long a stopping instance may take (README "Shutdown").</summary>
public sealed class ShutdownSettings
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// How long the host waits, after SIGTERM, for in-flight requests to finish and the outbox to finish its batch
    /// before it stops regardless (the host's <see cref="HostOptions.ShutdownTimeout"/>). 25 s leaves room under
    /// Kubernetes' default 30 s grace period, after which the process is killed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Shutdown:Timeout must be between 00:00:00 and 01:00:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}
