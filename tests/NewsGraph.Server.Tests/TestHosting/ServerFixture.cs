namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>One server with the sample data, shared by the read-only tests of the collection.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private NewsGraphServer? _server;

    public NewsGraphServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await NewsGraphServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedServer : ICollectionFixture<ServerFixture>
{
    public const string Name = "Server with sample data";
}
