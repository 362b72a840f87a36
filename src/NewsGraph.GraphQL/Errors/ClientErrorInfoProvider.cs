using GraphQL;
using GraphQL.Execution;

namespace NewsGraph.GraphQL.Errors;

/// <summary>
/// Serialises errors as Hot Chocolate does: exception details (when enabled, in development) only for
/// unexpected exceptions. An error the server raised on purpose (a bad cursor, a page too large) already says
/// everything in its message and code; a stack trace beside it is noise.
/// </summary>
public sealed class ClientErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    private const string DetailsKey = "details";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var info = base.GetInfo(executionError);
        if (executionError.InnerException is null && info.Extensions is { } extensions)
        {
            extensions.Remove(DetailsKey);
        }

        return info;
    }
}
