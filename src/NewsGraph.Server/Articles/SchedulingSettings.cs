using System.ComponentModel.DataAnnotations;

namespace NewsGraph.Server.Articles;

/// <summary>Scheduled publishing settings (configuration section <c>Scheduling</c>).</summary>
public sealed class SchedulingSettings
{
    public const string SectionName = "Scheduling";

    /// <summary>
    /// How often the publisher looks for schedules it was not told about: those made through other instances. It is told
    /// of its own instance's schedules at once and wakes at the next due instant it knows of, so this bounds only how
    /// late an article is published when the instance that scheduled it is down at its time. One indexed query each.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Scheduling:PollInterval must be between 10 ms and 1 day.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How far ahead an article may be scheduled; a later <c>publishAt</c> is a ValidationError (a typo'd year, mostly).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Scheduling:MaxLeadTime must be between 1 second and 3650 days.")]
    public TimeSpan MaxLeadTime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Due articles read per query (an instance that was down publishes its backlog in batches of this size).</summary>
    [Range(1, 1000, ErrorMessage = "Scheduling:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 50;
}
