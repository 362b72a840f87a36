using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsGraph.TestSupport;

/// <summary>Real Kestrel on a free loopback port: the one way the tests build and start an ASP.NET Core host.</summary>
public static class LoopbackServer
{
    /// <summary>
    /// A slim builder whose logs go to <paramref name="logs"/> only (nothing when null), so test output stays readable
    /// and tests can assert what was logged.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(CapturedLogs? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        return builder;
    }

    /// <summary>Starts <paramref name="app"/> on a free loopback port and returns its address.</summary>
    public static async Task<Uri> StartOnLoopbackAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        return app.BoundAddress();
    }

    /// <summary>The address Kestrel actually bound (port 0 becomes a free port).</summary>
    public static Uri BoundAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server reports no addresses: has it started?");
        return new Uri(addresses.Addresses.First());
    }

    /// <summary>The WebSocket address of <paramref name="path"/> on the server at <paramref name="httpBase"/>.</summary>
    public static Uri WebSocketUri(Uri httpBase, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(httpBase);
        return new Uri($"ws://{httpBase.Authority}{path}");
    }
}
