using System.Text.Json.Serialization;

namespace NewsGraph.GraphQL.Ide;

/// <summary>
/// The body of <c>bcp-config.json</c>, which the IDE (v18, "middleware" mode) fetches from the page's own
/// URL before it renders. These are the keys its bundle reads (and Hot Chocolate's middleware writes); it
/// resolves <see cref="Endpoint"/> against the page URL when <see cref="UseBrowserUrlAsEndpoint"/> is true, and
/// without a usable endpoint it opens the connection dialog instead of our API. <see cref="DisableTelemetry"/> and
/// <see cref="GaTrackingId"/> decide whether the page calls anyone but this server.
/// </summary>
internal sealed class BananaCakePopConfiguration
{
    [JsonPropertyName("useBrowserUrlAsEndpoint")]
    public bool UseBrowserUrlAsEndpoint { get; init; }

    [JsonPropertyName("endpoint")]
    public required string Endpoint { get; init; }

    [JsonPropertyName("includeCookies")]
    public bool IncludeCookies { get; init; }

    [JsonPropertyName("useGet")]
    public bool UseGet { get; init; }

    /// <summary>When true the IDE never calls its vendor's telemetry endpoint.</summary>
    [JsonPropertyName("disableTelemetry")]
    public bool DisableTelemetry { get; init; }

    /// <summary>When set the IDE loads Google's tag script for this id; left out of the file when null.</summary>
    [JsonPropertyName("gaTrackingId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GaTrackingId { get; init; }
}
