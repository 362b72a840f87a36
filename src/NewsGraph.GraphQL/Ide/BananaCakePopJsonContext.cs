using System.Text.Json.Serialization;

namespace NewsGraph.GraphQL.Ide;

/// <summary>Source-generated serialization of <see cref="BananaCakePopConfiguration"/> (no reflection, trim-safe).</summary>
[JsonSerializable(typeof(BananaCakePopConfiguration))]
internal sealed partial class BananaCakePopJsonContext : JsonSerializerContext;
