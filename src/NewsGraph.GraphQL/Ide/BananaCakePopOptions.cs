using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Ide;

/// <summary>
/// Options of the Banana Cake Pop IDE hosting (<see cref="BananaCakePopMiddleware"/>). The names follow Hot
/// Chocolate's <c>GraphQLToolOptions</c>.
/// </summary>
public sealed class BananaCakePopOptions
{
    /// <summary>Serve the IDE to browsers. Off: browser requests reach the GraphQL endpoint like any other.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The GraphQL endpoint the IDE opens on. Null: the path the IDE is served at, which is where
    /// Hot Chocolate puts both (<c>/graphql</c>).
    /// </summary>
    public PathString? GraphQLEndpoint { get; set; }

    /// <summary>
    /// Keep the IDE from sending its usage telemetry to ChilliCream (<c>telemetry.chillicream.com</c>). On by
    /// default, unlike Hot Chocolate: the IDE is served from this machine and must work without internet, where
    /// that call can only fail (with an unhandled error in the page), and nobody opening the IDE has agreed to it.
    /// </summary>
    public bool DisableTelemetry { get; set; } = true;

    /// <summary>
    /// A Google Analytics tracking id (e.g. <c>G-XXXXXXX</c>) for which the IDE loads Google's tag script and
    /// reports page use. None by default: with one, every browser opening the IDE calls Google.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9-]{1,64}$", ErrorMessage = "Ide:GaTrackingId must be a tracking id such as G-XXXXXXX (letters, digits and dashes).")]
    public string? GaTrackingId { get; set; }
}
