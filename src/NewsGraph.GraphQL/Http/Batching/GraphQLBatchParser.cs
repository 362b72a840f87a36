using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace NewsGraph.GraphQL.Http.Batching;

/// <summary>
/// Reads a batch: a JSON array of GraphQL requests. The array's shape (empty, too long, items that are not objects or
/// not requests) is checked before any item is used, so a malformed batch is refused as a whole and nothing runs; an
/// item without a query is that item's own error.
/// </summary>
internal static class GraphQLBatchParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Whether the body's first character other than JSON whitespace is <c>[</c>. The whitespace is consumed (it means
    /// nothing), the character is not, so the body reads on from it.
    /// </summary>
    public static async ValueTask<bool> StartsWithArrayAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var first = SkipWhitespace(read.Buffer, out var position);
            reader.AdvanceTo(position);
            if (first is not null)
            {
                return first == (byte)'[';
            }

            if (read.IsCompleted)
            {
                return false;
            }
        }
    }

    /// <summary>The first byte that is not JSON whitespace (null when there is none yet) and the position where it is.</summary>
    private static byte? SkipWhitespace(ReadOnlySequence<byte> buffer, out SequencePosition position)
    {
        var sequence = new SequenceReader<byte>(buffer);
        sequence.AdvancePastAny((byte)' ', (byte)'\t', (byte)'\r', (byte)'\n');
        position = sequence.Position;
        return sequence.TryPeek(out var first) ? first : null;
    }

    public static async Task<GraphQLHttpRequestParseResult> ParseAsync(
        Stream body, IGraphQLSerializer serializer, int maxBatchSize, Func<GraphQLRequest, GraphQLHttpRequestParseResult> validate, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, DocumentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            return GraphQLHttpRequestParseResult.Failure(GraphQLBatchErrors.InvalidJson(ex));
        }

        using (document)
        {
            var array = document.RootElement;
            var count = array.GetArrayLength();
            if (count == 0)
            {
                return GraphQLHttpRequestParseResult.Failure(GraphQLBatchErrors.Empty());
            }

            if (count > maxBatchSize)
            {
                return GraphQLHttpRequestParseResult.Failure(GraphQLBatchErrors.TooLarge(count, maxBatchSize));
            }

            var items = new GraphQLHttpRequestParseResult[count];
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    return GraphQLHttpRequestParseResult.Failure(GraphQLBatchErrors.NotAnObject(index, Describe(element.ValueKind)));
                }

                GraphQLRequest? request;
                try
                {
                    request = serializer.ReadNode<GraphQLRequest>(element);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
                {
                    return GraphQLHttpRequestParseResult.Failure(GraphQLBatchErrors.Unreadable(index, ex));
                }

                if (request is null)
                {
                    return GraphQLHttpRequestParseResult.Failure(GraphQLBatchErrors.NotAnObject(index, "null"));
                }

                items[index++] = validate(request);
            }

            return GraphQLHttpRequestParseResult.Batched(items);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "not an object",
    };
}
