using System.Collections;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// The logging scope of one GraphQL operation: every log written while it executes (resolvers, EF Core, the executor)
/// carries <c>GraphQLRequestId</c> and <c>OperationName</c>. The name is the request's until execution starts, then
/// the executed operation's (a request without <c>operationName</c> may run a named operation). Never the document.
/// </summary>
internal sealed class GraphQLOperationLogScope(string? requestId, string? operationName) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string RequestIdKey = "GraphQLRequestId";
    public const string OperationNameKey = "OperationName";

    public string? RequestId { get; } = requestId;

    public string? OperationName { get; set; } = operationName;

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(RequestIdKey, RequestId),
        1 => new(OperationNameKey, OperationName),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"GraphQL request {RequestId ?? "-"} operation {OperationName ?? "(anonymous)"}";
}
