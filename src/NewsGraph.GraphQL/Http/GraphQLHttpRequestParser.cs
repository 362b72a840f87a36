using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Http;

/// <summary>Reads a <see cref="GraphQLRequest"/> from a GET query string or a POST JSON body.</summary>
internal static class GraphQLHttpRequestParser
{
    public static GraphQLHttpRequestParseResult ParseGet(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        var query = request.Query;
        var graphQLRequest = new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"]),
            OperationName = NullIfEmpty(query["operationName"]),
            // Hot Chocolate's and Apollo's `id` and Relay's `doc_id` name the same thing as GraphQL.NET's `documentId`.
            DocumentId = NullIfEmpty(query["documentId"]) ?? NullIfEmpty(query["id"]) ?? NullIfEmpty(query["doc_id"]),
        };

        if (!TryReadInputs(serializer, query["variables"], "variables", out var variables, out var error)
            || !TryReadInputs(serializer, query["extensions"], "extensions", out var extensions, out error))
        {
            return GraphQLHttpRequestParseResult.Failure(error);
        }

        graphQLRequest.Variables = variables;
        graphQLRequest.Extensions = extensions;
        return Validate(graphQLRequest);
    }

    public static Task<GraphQLHttpRequestParseResult> ParsePostAsync(HttpRequest request, IGraphQLSerializer serializer, CancellationToken cancellationToken)
        => ParsePostAsync(request, serializer, batching: null, cancellationToken);

    /// <param name="batching">The HTTP options when a JSON array (a batch) may be accepted; null refuses batches.</param>
    public static async Task<GraphQLHttpRequestParseResult> ParsePostAsync(
        HttpRequest request, IGraphQLSerializer serializer, GraphQLHttpOptions? batching, CancellationToken cancellationToken)
    {
        if (!IsJsonUtf8(request.ContentType))
        {
            return GraphQLHttpRequestParseResult.Failure(new GraphQLHttpRequestError(
                "INVALID_CONTENT_TYPE",
                $"Unsupported Content-Type '{request.ContentType}'; POST requests must be 'application/json' (UTF-8).",
                StatusCodes.Status415UnsupportedMediaType));
        }

        IList<GraphQLRequest?>? requests;
        try
        {
            // A batch is told from its first character, before anything is parsed: a refused batch costs no parsing.
            if (await Batching.GraphQLBatchParser.StartsWithArrayAsync(request.BodyReader, cancellationToken))
            {
                return batching is { EnableBatching: true }
                    ? await Batching.GraphQLBatchParser.ParseAsync(request.Body, serializer, batching.MaxBatchSize, Validate, cancellationToken)
                    : GraphQLHttpRequestParseResult.Failure(Batching.GraphQLBatchErrors.NotSupported());
            }

            // The list converter yields a one-element array for a JSON object and a List for a JSON array,
            // which is how a batch is told apart from a single request.
            requests = await serializer.ReadAsync<IList<GraphQLRequest?>>(request.Body, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BadHttpRequestException ex)
        {
            // e.g. 413 when Kestrel's body size limit is hit.
            return GraphQLHttpRequestParseResult.Failure(new GraphQLHttpRequestError("INVALID_REQUEST", ex.Message, ex.StatusCode, ex));
        }
        catch (Exception ex)
        {
            // Any failure to read the body (empty, invalid JSON, wrong member types) is the client's fault.
            return GraphQLHttpRequestParseResult.Failure(new GraphQLHttpRequestError(
                "JSON_INVALID",
                "The request body could not be parsed as a GraphQL request: it must be a JSON object with a string 'query', an optional string 'operationName' and optional object 'variables' and 'extensions'.",
                StatusCodes.Status400BadRequest,
                ex));
        }

        return requests switch
        {
            GraphQLRequest[] { Length: 1 } single when single[0] is { } graphQLRequest => Validate(graphQLRequest),
            null or GraphQLRequest[] => GraphQLHttpRequestParseResult.Failure(new GraphQLHttpRequestError(
                "JSON_INVALID", "The request body must be a JSON object.")),
            // Not reached (an array is a batch, above), but an array must never pass as a single request.
            _ => GraphQLHttpRequestParseResult.Failure(Batching.GraphQLBatchErrors.NotSupported()),
        };
    }

    internal static bool IsJsonUtf8(string? contentType)
        => MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && parsed.MediaType.Equals(GraphQLHttpMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            && ResponseMediaTypeNegotiator.IsUtf8OrAbsent(parsed.Charset);

    internal static GraphQLHttpRequestParseResult Validate(GraphQLRequest request)
        => string.IsNullOrEmpty(request.Query) && string.IsNullOrEmpty(request.DocumentId)
            && !PersistedOperations.AutomaticPersistedQueryExtension.IsPresent(request.Extensions)
            ? GraphQLHttpRequestParseResult.Failure(new GraphQLHttpRequestError(
                "QUERY_MISSING", "The GraphQL request has no 'query'."))
            : GraphQLHttpRequestParseResult.Success(request);

    private static bool TryReadInputs(IGraphQLTextSerializer serializer, string? json, string name, out Inputs? inputs, out GraphQLHttpRequestError error)
    {
        inputs = null;
        error = null!;
        if (string.IsNullOrEmpty(json))
        {
            return true;
        }

        try
        {
            inputs = serializer.Deserialize<Inputs>(json);
            return true;
        }
        catch (Exception ex)
        {
            error = new GraphQLHttpRequestError("JSON_INVALID", $"The '{name}' query string parameter must be a JSON object.", StatusCodes.Status400BadRequest, ex);
            return false;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
