using System.Globalization;
using GraphQL;

namespace NewsGraph.GraphQL.Security;

/// <summary>The request ran longer than the execution timeout; Hot Chocolate's message and code (HC0045).</summary>
public sealed class RequestTimeoutError : ExecutionError
{
    public RequestTimeoutError(TimeSpan timeout)
        : base(string.Create(CultureInfo.InvariantCulture, $"The request exceeded the configured timeout of `{timeout:c}`."))
    {
        Code = SecurityErrorCodes.Timeout;
    }
}
