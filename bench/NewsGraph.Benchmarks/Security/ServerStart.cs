namespace NewsGraph.Benchmarks.Security;

/// <summary>How <see cref="ServerProcess"/> starts a server: the client that polls it, what counts as ready, and an optional core.</summary>
/// <param name="Http">Polls the readiness probe (loopback only).</param>
/// <param name="Probe">The request that must answer 200 OK, given the server's base address; default <c>GET /health/live</c>.</param>
/// <param name="Cpu">Pins the process to this core with <c>taskset</c>; null leaves it to the scheduler.</param>
internal sealed record ServerStart(HttpClient Http, Func<Uri, HttpRequestMessage>? Probe = null, int? Cpu = null)
{
    public HttpRequestMessage ReadinessProbe(Uri baseAddress) =>
        Probe?.Invoke(baseAddress) ?? new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "health/live"));
}
