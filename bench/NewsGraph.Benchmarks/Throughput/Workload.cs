using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Benchmarks.Infrastructure;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>One page a reader asks for, as a GraphQL request to NewsGraph (and the Node server) and as a GET to the baseline; all answer the same JSON.</summary>
internal sealed class Workload(string name, string query, JsonObject variables, string baselinePath)
{
    private readonly byte[] _graphQLBody = Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString());

    public string Name { get; } = name;

    public HttpRequestMessage GraphQLRequest(Uri endpoint) => GraphQLPost.Create(endpoint, _graphQLBody);

    public HttpRequestMessage BaselineRequest(Uri baseAddress) => new(HttpMethod.Get, new Uri(baseAddress, baselinePath));

    public HttpRequestMessage RequestTo(ServerUnderTest server) => server.Kind == ServerKind.Baseline
        ? BaselineRequest(server.Process.BaseAddress)
        : GraphQLRequest(server.Process.Endpoint);
}
