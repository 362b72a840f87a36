using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Http;

/// <summary>Maps an <see cref="ExecutionResult"/> to the HTTP status the GraphQL-over-HTTP spec asks for.</summary>
internal static class GraphQLHttpStatusCodeSelector
{
    public static int Select(ExecutionResult result, GraphQLResponseMediaType mediaType, out string? allow)
    {
        allow = null;
        if (result.Executed)
        {
            // Partial errors with data are still a successful GraphQL response.
            return StatusCodes.Status200OK;
        }

        var errors = result.Errors ?? [];
        if (errors.Count == 0)
        {
            // Not executed and nothing wrong: a GraphQL-Cost: validate answer (Hot Chocolate answers it with 200).
            return StatusCodes.Status200OK;
        }

        foreach (var error in errors)
        {
            if (error is HttpOperationNotAllowedError notAllowed)
            {
                allow = notAllowed.Allow;
                return notAllowed.StatusCode;
            }
        }

        if (errors.Any(e => e is UnhandledError or DatabaseError))
        {
            // The engine failed before execution for a reason that is not the client's.
            return StatusCodes.Status500InternalServerError;
        }

        if (errors.Any(e => e is RequestError))
        {
            return StatusCodes.Status400BadRequest;
        }

        // Parse, validation and variable-coercion errors: legacy clients expect 200.
        return mediaType == GraphQLResponseMediaType.GraphQLResponseJson
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }
}
