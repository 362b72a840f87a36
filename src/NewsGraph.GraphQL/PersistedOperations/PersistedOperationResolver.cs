using System.Text;
using GraphQL.Transport;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Turns a request into the document to execute: a trusted document by id (<c>id</c>, <c>documentId</c>,
/// <c>doc_id</c>), an APQ hash (cached or registered with its query), or the plain query, and enforces
/// <see cref="PersistedOperationOptions.OnlyAllowPersisted"/>. Transport-independent.
/// </summary>
public sealed class PersistedOperationResolver
{
    private readonly IPersistedOperationStore _store;
    private readonly AutomaticPersistedQueryCache _cache;
    private readonly PersistedOperationOptions _options;

    public PersistedOperationResolver(IPersistedOperationStore store, AutomaticPersistedQueryCache cache, PersistedOperationOptions options)
    {
        _store = store;
        _cache = cache;
        _options = options;
    }

    public PersistedOperationResolution Resolve(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasQuery = !string.IsNullOrEmpty(request.Query);

        if (!string.IsNullOrEmpty(request.DocumentId))
        {
            if (hasQuery)
            {
                return PersistedOperationResolution.Failure(new PersistedOperationRequestError(
                    "The request must contain either a 'query' or an 'id', not both.", PersistedOperationErrorCodes.RequestInvalid));
            }

            return _store.TryGet(StripPrefix(request.DocumentId), out var trusted)
                ? PersistedOperationResolution.Document(trusted.Document)
                : PersistedOperationResolution.Failure(new PersistedOperationNotFoundError());
        }

        if (AutomaticPersistedQueryExtension.IsPresent(request.Extensions))
        {
            return ResolveAutomatic(request, hasQuery);
        }

        return hasQuery && _options.OnlyAllowPersisted
            ? PersistedOperationResolution.Failure(new OnlyPersistedOperationsAllowedError())
            : PersistedOperationResolution.Document(request.Query);
    }

    private PersistedOperationResolution ResolveAutomatic(GraphQLRequest request, bool hasQuery)
    {
        if (!_options.EnableAutomaticPersistedQueries)
        {
            // Apollo's message: its clients stop sending hashes when they see it.
            return PersistedOperationResolution.Failure(new PersistedOperationRequestError("PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED"));
        }

        if (!AutomaticPersistedQueryExtension.TryRead(request.Extensions, out var version, out var hash) || version != 1)
        {
            return PersistedOperationResolution.Failure(new PersistedOperationRequestError(
                "The 'persistedQuery' extension must be { \"version\": 1, \"sha256Hash\": \"<hex>\" }.", PersistedOperationErrorCodes.RequestInvalid));
        }

        // A trusted document may be called by its SHA-256 too, which is what an APQ client sends first.
        if (_store.TryGet(hash, out var trusted) && string.Equals(trusted.Sha256, hash, StringComparison.OrdinalIgnoreCase))
        {
            return PersistedOperationResolution.Document(trusted.Document);
        }

        if (!hasQuery)
        {
            return _cache.TryGet(hash, out var cached) && !_options.OnlyAllowPersisted
                ? PersistedOperationResolution.Document(cached)
                : PersistedOperationResolution.Failure(new PersistedQueryNotFoundError());
        }

        if (_options.OnlyAllowPersisted)
        {
            return PersistedOperationResolution.Failure(new OnlyPersistedOperationsAllowedError());
        }

        var actual = PersistedOperationHash.Sha256(Encoding.UTF8.GetBytes(request.Query!));
        if (!string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase))
        {
            return PersistedOperationResolution.Failure(new PersistedOperationRequestError(
                "The provided sha256Hash does not match the query.", PersistedOperationErrorCodes.HashMismatch));
        }

        _cache.Set(hash, request.Query!);
        return PersistedOperationResolution.Document(request.Query);
    }

    /// <summary>GraphQL.NET's documentId may carry a hash-algorithm prefix (<c>sha256:</c>); the digest alone identifies the file.</summary>
    private static string StripPrefix(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? id[(colon + 1)..] : id;
    }
}
