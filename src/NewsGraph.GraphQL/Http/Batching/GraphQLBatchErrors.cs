using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Http.Batching;

/// <summary>The errors that refuse a whole batch (a JSON array POST) before any of its operations runs.</summary>
internal static class GraphQLBatchErrors
{
    public const string NotSupportedCode = "BATCHED_REQUESTS_NOT_SUPPORTED";
    public const string EmptyCode = "BATCH_EMPTY";
    public const string TooLargeCode = "BATCH_TOO_LARGE";
    public const string InvalidCode = "BATCH_INVALID";

    public static GraphQLHttpRequestError NotSupported() => new(
        NotSupportedCode, "Batching is not enabled on this server: send one GraphQL request (a JSON object) per HTTP request.");

    /// <summary>A batch can only be answered as a JSON array; a client that accepts nothing but an event stream cannot take one.</summary>
    public static GraphQLHttpRequestError StreamNotSupported() => new(
        NotSupportedCode,
        "A batch is answered with a JSON array: send it with 'Accept: application/json' or 'application/graphql-response+json', not only 'text/event-stream'.",
        StatusCodes.Status406NotAcceptable);

    public static GraphQLHttpRequestError Empty() => new(EmptyCode, "The batch is empty: send at least one GraphQL request in the JSON array.");

    public static GraphQLHttpRequestError TooLarge(int count, int max) => new(
        TooLargeCode,
        string.Create(CultureInfo.InvariantCulture, $"The batch has {count} operations, which exceeds the max allowed batch size of {max}. Nothing was executed."));

    public static GraphQLHttpRequestError NotAnObject(int index, string kind) => new(
        InvalidCode,
        string.Create(CultureInfo.InvariantCulture, $"Item {index} of the batch is {kind}, not a GraphQL request (a JSON object). Nothing was executed."));

    public static GraphQLHttpRequestError Unreadable(int index, Exception exception) => new(
        InvalidCode,
        string.Create(CultureInfo.InvariantCulture,
            $"Item {index} of the batch is not a valid GraphQL request: it must be a JSON object with a string 'query', an optional string 'operationName' and optional object 'variables' and 'extensions'. Nothing was executed."),
        StatusCodes.Status400BadRequest,
        exception);

    public static GraphQLHttpRequestError InvalidJson(Exception exception) => new(
        "JSON_INVALID", "The request body is not valid JSON.", StatusCodes.Status400BadRequest, exception);
}
