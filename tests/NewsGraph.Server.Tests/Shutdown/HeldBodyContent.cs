using System.Net;
using System.Text;

namespace NewsGraph.Server.Tests.Shutdown;

/// <summary>
/// A request body sent only once the server asks for it and the test lets it go: a request that is still in flight
/// for as long as the test likes. Sent with <c>Expect: 100-continue</c>, the body is asked for (and
/// <see cref="Requested"/> completes) when the server's middleware starts reading it, so the server is provably
/// working on the request.
/// </summary>
internal sealed class HeldBodyContent(string body) : HttpContent
{
    private readonly byte[] _body = Encoding.UTF8.GetBytes(body);
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Requested => _requested.Task;

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _requested.TrySetResult();
        await _released.Task;
        await stream.WriteAsync(_body);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
