using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// The selected operation cannot run over this HTTP method: a mutation over GET (405, <c>Allow: POST</c>)
/// or a subscription over plain HTTP (400: it needs a streaming transport).
/// </summary>
public sealed class HttpOperationNotAllowedError : ValidationError
{
    public HttpOperationNotAllowedError(ROM source, GraphQLOperationDefinition operation, string code, string message, int statusCode, string? allow)
        : base(source, null, message, operation)
    {
        Code = code;
        StatusCode = statusCode;
        Allow = allow;
    }

    public int StatusCode { get; }

    public string? Allow { get; }

    internal static HttpOperationNotAllowedError MutationOverGet(ROM source, GraphQLOperationDefinition operation)
        => new(source, operation, "HTTP_METHOD_NOT_ALLOWED",
            "Only query operations are allowed over GET; send mutations with POST.",
            StatusCodes.Status405MethodNotAllowed, "POST");

    internal static HttpOperationNotAllowedError SubscriptionOverHttp(ROM source, GraphQLOperationDefinition operation)
        => new(source, operation, "SUBSCRIPTION_TRANSPORT_REQUIRED",
            "Subscriptions require a WebSocket, text/event-stream or multipart/mixed;subscriptionSpec=1.0 transport.",
            StatusCodes.Status400BadRequest, null);
}
