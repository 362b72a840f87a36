using GraphQL.Execution;

namespace NewsGraph.GraphQL.Security;

/// <summary>The document text is longer than allowed; reported before parsing (a request error: HTTP 400).</summary>
public sealed class MaxDocumentLengthError : RequestError
{
    public MaxDocumentLengthError(int length, int allowed)
        : base($"The GraphQL document has {length} characters which exceeds the max allowed document length of {allowed} characters.")
    {
        Code = SecurityErrorCodes.MaxDocumentLengthExceeded;
    }
}
