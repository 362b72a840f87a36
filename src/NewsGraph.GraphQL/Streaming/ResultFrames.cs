using System.Runtime.CompilerServices;
using GraphQL;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// The frames of one format around results' JSON (<c>prefix + json + suffix</c>), built once per result instance from
/// its once-serialized UTF-8 JSON and shared by every stream that sends it: an event fanned out to many subscribers is
/// framed once, not once per subscriber. Read-only.
/// </summary>
internal sealed class ResultFrames(ReadOnlyMemory<byte> prefix, ReadOnlyMemory<byte> suffix)
{
    private readonly ConditionalWeakTable<ExecutionResult, byte[]> _frames = new();

    public ReadOnlyMemory<byte> Get(ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        if (_frames.TryGetValue(result, out var cached))
        {
            return cached;
        }

        var frame = Build(SerializedExecutionResults.GetUtf8(result, serializer));
        // Another stream may have built it meanwhile: either copy is the same bytes, the table keeps one.
        return _frames.GetValue(result, _ => frame);
    }

    /// <summary><paramref name="json"/> framed, without caching.</summary>
    public byte[] Build(ReadOnlySpan<byte> json) => Frame(prefix.Span, json, suffix.Span);

    /// <summary><c>prefix + json + suffix</c> in one new array.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> json, ReadOnlySpan<byte> suffix)
    {
        var frame = new byte[prefix.Length + json.Length + suffix.Length];
        prefix.CopyTo(frame);
        json.CopyTo(frame.AsSpan(prefix.Length));
        suffix.CopyTo(frame.AsSpan(prefix.Length + json.Length));
        return frame;
    }
}
