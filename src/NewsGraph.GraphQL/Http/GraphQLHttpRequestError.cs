using GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// A malformed HTTP request (bad JSON, wrong content type, missing query...). A <see cref="RequestError"/>,
/// so it never reaches the executer and always maps to a 4xx status, whatever the negotiated media type.
/// </summary>
public sealed class GraphQLHttpRequestError : RequestError
{
    public GraphQLHttpRequestError(string code, string message, int statusCode = StatusCodes.Status400BadRequest, Exception? innerException = null)
        : base(message, innerException!)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    /// <summary>Value for the <c>Allow</c> header when <see cref="StatusCode"/> is 405.</summary>
    public string? Allow { get; init; }
}
