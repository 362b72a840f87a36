using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Execution;
using NewsGraph.Server.Tests.Auth;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Execution;

/// <summary>
/// Two servers with the sample data and the test credentials: one with the document cache (the default), one without
/// (<c>GraphQL:DocumentCache:MaxEntries=0</c>), so a test can check that a cached document gets the answer it gets uncached.
/// </summary>
public sealed class DocumentCacheServersFixture : IAsyncLifetime
{
    private NewsGraphServer? _cached;
    private NewsGraphServer? _uncached;

    public NewsGraphServer Cached => _cached ?? throw new InvalidOperationException("The server has not started.");

    public NewsGraphServer Uncached => _uncached ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _cached = await NewsGraphServer.StartAsync(TestCredentials.Settings);
        _uncached = await NewsGraphServer.StartAsync([.. TestCredentials.Settings, new("GraphQL:DocumentCache:MaxEntries", "0")]);
    }

    public static bool IsCached(NewsGraphServer server, string document)
        => server.Services.GetRequiredService<ValidatedDocumentCache>().TryGet(server.Services.GetRequiredService<ISchema>(), document, out _);

    public async Task DisposeAsync()
    {
        if (_cached is not null)
        {
            await _cached.DisposeAsync();
        }

        if (_uncached is not null)
        {
            await _uncached.DisposeAsync();
        }
    }
}
