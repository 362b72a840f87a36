namespace NewsGraph.GraphQL.Webhooks;

/// <summary>How webhooks are delivered and which endpoints may be registered (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookDeliveryOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h: eleven attempts over about 24 hours.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
        TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>
    /// The pauses between attempts; null for <see cref="DefaultRetryDelays"/>. (An array, not a list with defaults:
    /// configuration binding appends to a list it finds filled.)
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays ?? DefaultRetryDelays;

    /// <summary>Each pause is moved by up to this fraction of itself, either way (0 to 1).</summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>How long one attempt may take, from connecting to the response's status line.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests in flight at once from this instance; each endpoint has at most one in flight across all instances.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>How long an instance's claim on a delivery lasts (another instance retries it after a crash); at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the dispatcher looks for due deliveries when nothing woke it (retries, other instances' events).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How much of a failed response's body is kept in the delivery log (bytes, read at most).</summary>
    public int MaxResponseBodyBytes { get; set; } = 1024;

    /// <summary>How long finished (succeeded or failed) deliveries stay in the delivery log.</summary>
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many webhooks may be registered.</summary>
    public int MaxWebhooks { get; set; } = 100;

    /// <summary>Development: <c>http</c> URLs to loopback hosts (localhost, 127.0.0.0/8, ::1) may be registered and called.</summary>
    public bool AllowHttpLoopback { get; set; }

    /// <summary>Endpoints on private, loopback, link-local, unique-local and other non-public addresses may be called.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
