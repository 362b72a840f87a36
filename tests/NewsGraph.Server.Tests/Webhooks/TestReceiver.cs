using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.Server.Tests.Webhooks;

/// <summary>
/// A Kestrel webhook receiver on loopback that verifies signatures with the README's C# code
/// (<see cref="ReceiverSignature"/>) and either accepts at once or never answers (until the sender gives up).
/// </summary>
internal sealed class TestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _started;
    private int _finished;

    private TestReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<string> Accepted { get; } = new();

    public ConcurrentQueue<string> BadSignatures { get; } = new();

    public int Started => Volatile.Read(ref _started);

    public int Finished => Volatile.Read(ref _finished);

    public static async Task<TestReceiver> StartAsync(bool hang)
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var receiver = new TestReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            Interlocked.Increment(ref receiver._started);
            try
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
                if (hang)
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }

                var body = buffer.ToArray();
                if (!ReceiverSignature.IsValidNewsGraphSignature(body, context.Request.Headers["X-NewsGraph-Signature"], WebhookServer.Secret, TimeSpan.FromMinutes(5)))
                {
                    receiver.BadSignatures.Enqueue(context.Request.Headers["X-NewsGraph-Signature"].ToString());
                    return Results.BadRequest();
                }

                receiver.Accepted.Enqueue(context.Request.Headers["X-NewsGraph-Delivery"].ToString());
                return Results.NoContent();
            }
            finally
            {
                Interlocked.Increment(ref receiver._finished);
            }
        });
        var address = await app.StartOnLoopbackAsync();
        receiver.Url = new Uri(address, "/hook").AbsoluteUri;
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
