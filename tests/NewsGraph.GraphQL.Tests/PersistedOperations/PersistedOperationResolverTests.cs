using System.Security.Cryptography;
using System.Text;
using GraphQL;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Security;
using NewsGraph.GraphQL.Tests.Security;

namespace NewsGraph.GraphQL.Tests.PersistedOperations;

/// <summary>Trusted documents by hash, APQ and the lock-down switch, through the request executor.</summary>
public sealed class PersistedOperationResolverTests : IDisposable
{
    private static readonly byte[] Document = "{ item { name } }\n"u8.ToArray();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsgraph-po-");

    public PersistedOperationResolverTests() => File.WriteAllBytes(Path.Combine(_folder.FullName, "Item.graphql"), Document);

    public void Dispose() => _folder.Delete(recursive: true);

#pragma warning disable CA5351 // MD5 is the id format, not a security measure.
    private static string Md5 => Convert.ToHexStringLower(MD5.HashData(Document));
#pragma warning restore CA5351

    [Fact]
    public void The_store_hashes_every_file_once_by_md5_and_sha256()
    {
        var store = FileSystemPersistedOperationStore.Load(_folder.FullName);
        var operation = Assert.Single(store.Operations);
        Assert.Equal("Item", operation.Name);
        Assert.True(store.TryGet(Md5, out _));
        Assert.True(store.TryGet(Md5.ToUpperInvariant(), out _));
        Assert.True(store.TryGet(Convert.ToHexStringLower(SHA256.HashData(Document)), out _));
        Assert.False(store.TryGet("nope", out _));
        Assert.Throws<DirectoryNotFoundException>(() => FileSystemPersistedOperationStore.Load(Path.Combine(_folder.FullName, "missing")));
    }

    [Fact]
    public async Task Ids_run_trusted_documents_and_unknown_ids_get_HC0020()
    {
        using var host = Host(new PersistedOperationOptions());
        Assert.Null((await host.ExecuteAsync(null, documentId: Md5)).Errors);
        Assert.Null((await host.ExecuteAsync(null, documentId: "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Document)))).Errors);
        var error = Assert.Single((await host.ExecuteAsync(null, documentId: "ffff")).Errors!);
        Assert.Equal(PersistedOperationErrorCodes.NotFound, error.Code);
        var both = Assert.Single((await host.ExecuteAsync("{ item { name } }", documentId: Md5)).Errors!);
        Assert.Equal(PersistedOperationErrorCodes.RequestInvalid, both.Code);
    }

    [Fact]
    public async Task Apq_registers_verified_queries_and_a_trusted_document_answers_its_sha256()
    {
        using var host = Host(new PersistedOperationOptions());
        const string Query = "{ __typename }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));
        Assert.Equal("PersistedQueryNotFound", Assert.Single((await host.ExecuteAsync(null, extensions: Apq(hash))).Errors!).Message);
        Assert.Null((await host.ExecuteAsync(Query, extensions: Apq(hash))).Errors);
        Assert.Null((await host.ExecuteAsync(null, extensions: Apq(hash))).Errors);
        Assert.Null((await host.ExecuteAsync(null, extensions: Apq(Convert.ToHexStringLower(SHA256.HashData(Document))))).Errors);
        Assert.Equal(PersistedOperationErrorCodes.RequestInvalid, Assert.Single((await host.ExecuteAsync(null, extensions: Apq(hash, version: 2))).Errors!).Code);
    }

    [Fact]
    public async Task Apq_documents_are_limited_in_size_before_they_are_cached()
    {
        using var host = Host(new PersistedOperationOptions(), new GraphQLLimitsOptions { MaxDocumentLength = 20 });
        var query = "{ __typename " + new string(' ', 30) + "}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        Assert.Equal(SecurityErrorCodes.MaxDocumentLengthExceeded, Assert.Single((await host.ExecuteAsync(query, extensions: Apq(hash))).Errors!).Code);
        Assert.Equal("PersistedQueryNotFound", Assert.Single((await host.ExecuteAsync(null, extensions: Apq(hash))).Errors!).Message);
    }

    [Fact]
    public async Task Only_persisted_refuses_documents_with_HC0067()
    {
        using var host = Host(new PersistedOperationOptions { OnlyAllowPersisted = true });
        var error = Assert.Single((await host.ExecuteAsync("{ item { name } }")).Errors!);
        Assert.Equal(PersistedOperationErrorCodes.OnlyPersistedAllowed, error.Code);
        Assert.Equal("Only persisted operations are allowed.", error.Message);
        Assert.Null((await host.ExecuteAsync(null, documentId: Md5)).Errors);
    }

    [Fact]
    public void The_apq_cache_is_bounded_and_drops_the_least_recently_used()
    {
        var cache = new AutomaticPersistedQueryCache(2);
        cache.Set("a", "A");
        cache.Set("b", "B");
        Assert.True(cache.TryGet("a", out _));
        cache.Set("c", "C");
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal("A", a);
    }

    private LimitsTestHost Host(PersistedOperationOptions options, GraphQLLimitsOptions? limits = null)
        => new(limits ?? new GraphQLLimitsOptions(), persisted: options, operationsDirectory: _folder.FullName);

    private static Inputs Apq(string hash, int version = 1)
        => new(new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = version, ["sha256Hash"] = hash } });
}
