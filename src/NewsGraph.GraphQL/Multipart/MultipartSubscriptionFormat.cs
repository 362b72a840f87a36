using System.Text;
using System.Text.Json;
using GraphQL;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Streaming;

namespace NewsGraph.GraphQL.Multipart;

/// <summary>
/// Apollo's multipart HTTP protocol for GraphQL subscriptions: a <c>multipart/mixed</c> body with the boundary
/// <c>graphql</c> whose parts are <c>application/json</c>: <c>{"payload": result}</c> per result, <c>{}</c> as heartbeat,
/// <c>{"payload": null, "errors": [...]}</c> for a transport-level error (the stream failed, the server stops), and the
/// closing delimiter <c>--graphql--</c> when the subscription is over.
/// Every part is followed at once by the next delimiter: a client knows a part has ended only when it sees one, so
/// writing the delimiter before each part instead would hold every result back until the next heartbeat.
/// </summary>
internal sealed class MultipartSubscriptionFormat : IResultStreamFormat
{
    /// <summary>The <c>extensions.code</c> of the error that ends a live subscription when the server shuts down.</summary>
    public const string ServerStoppingCode = "SUBSCRIPTION_SERVER_SHUTDOWN";

    private const string PartStart = "\r\ncontent-type: application/json\r\n\r\n";
    private const string Delimiter = "\r\n--graphql";

    private static readonly ResultFrames PayloadParts = new(Encoding.UTF8.GetBytes(PartStart + "{\"payload\":"), Encoding.UTF8.GetBytes("}" + Delimiter));

    // The errors array of a transport-level error comes from the serializer (the error info provider's shape): the
    // part is {"payload":null,"errors":[...]} built around the serialized {"errors":[...]}.
    private static readonly ResultFrames ErrorParts = new(Encoding.UTF8.GetBytes(PartStart + "{\"payload\":null,"), Encoding.UTF8.GetBytes(Delimiter));

    private MultipartSubscriptionFormat()
    {
    }

    public static MultipartSubscriptionFormat Instance { get; } = new();

    public string ContentType => "multipart/mixed;boundary=\"graphql\";subscriptionSpec=\"1.0\"";

    /// <summary>The first delimiter (after an empty preamble).</summary>
    public ReadOnlyMemory<byte> Start { get; } = Encoding.UTF8.GetBytes(Delimiter);

    public ReadOnlyMemory<byte> KeepAlive { get; } = Encoding.UTF8.GetBytes(PartStart + "{}" + Delimiter);

    /// <summary>Turns the delimiter that ended the last part into the closing one.</summary>
    public ReadOnlyMemory<byte> Complete { get; } = Encoding.UTF8.GetBytes("--\r\n");

    /// <summary>A transport-level error with <see cref="ServerStoppingCode"/>, then the closing delimiter: the client subscribes again.</summary>
    public ReadOnlyMemory<byte> ServerStopping { get; } = BuildServerStopping();

    public ReadOnlyMemory<byte> Next(ExecutionResult result, IGraphQLTextSerializer serializer) => PayloadParts.Get(result, serializer);

    public ReadOnlyMemory<byte> Failure(ExecutionResult errors, IGraphQLTextSerializer serializer)
    {
        // {"errors":[...]} without its opening brace: the part's prefix opened the object.
        var json = SerializedExecutionResults.GetUtf8(errors, serializer);
        return ErrorParts.Build(json.AsSpan(1));
    }

    private static byte[] BuildServerStopping()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", "The server is shutting down; subscribe again.");
            writer.WriteStartObject("extensions");
            writer.WriteString("code", ServerStoppingCode);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var error = ErrorParts.Build(buffer.ToArray().AsSpan(1));
        return [.. error, .. "--\r\n"u8];
    }
}
