using System.Text.Json;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Tests.Data.Library;

namespace NewsGraph.GraphQL.Tests.Relay;

[Collection(LibraryDatabaseGroup.Name)]
public sealed class NodeFieldsTests(LibraryFixture library)
{
    [Fact]
    public async Task NodeResolvesToTheConcreteType()
    {
        var (result, json) = await library.ExecuteAsync(
            $$"""{ node(id: "{{NodeId.Encode("Book", 7)}}") { __typename id ... on Book { title } } writer: node(id: "{{NodeId.Encode("Writer", 2)}}") { ... on Writer { name } } }""");

        Assert.True(result.Errors is null, json);
        Assert.Equal(
            "{\"data\":{\"node\":{\"__typename\":\"Book\",\"id\":\"" + NodeId.Encode("Book", 7) + "\",\"title\":\"Germinal\"},\"writer\":{\"name\":\"Ada Lovelace\"}}}",
            json);
    }

    [Fact]
    public async Task NodesBatchesPerTypeKeepsOrderAndNullsMissingOrHidden()
    {
        library.BookNodes.Calls.Clear();
        string[] ids = [NodeId.Encode("Book", 7), NodeId.Encode("Writer", 2), NodeId.Encode("Book", 3), NodeId.Encode("Book", 9999), "Qm9vawppNA=="];

        var (result, json) = await library.ExecuteAsync(
            $"{{ nodes(ids: [{string.Join(", ", ids.Select(id => $"\"{id}\""))}]) {{ __typename ... on Book {{ title }} ... on Writer {{ name }} }} }}");

        Assert.True(result.Errors is null, json);
        using var document = JsonDocument.Parse(json);
        var nodes = document.RootElement.GetProperty("data").GetProperty("nodes").EnumerateArray().Select(n => n.ValueKind == JsonValueKind.Null ? null : n.GetRawText()).ToList();
        Assert.Equal("""{"__typename":"Book","title":"Germinal"}""", nodes[0]);
        Assert.Equal("""{"__typename":"Writer","name":"Ada Lovelace"}""", nodes[1]);
        Assert.Null(nodes[2]); // Book 3 is a draft, invisible to the resolver's caller.
        Assert.Null(nodes[3]);
        Assert.Equal("""{"__typename":"Book","title":"100 Pure"}""", nodes[4]); // legacy ID format
        var call = Assert.Single(library.BookNodes.Calls);
        Assert.Equal([7, 3, 9999, 4], call);
    }

    [Theory]
    [InlineData("\"bm9wZQ==\"", RelayErrorCodes.InvalidNodeId)]
    [InlineData("\"R2hvc3Q6MQ==\"", RelayErrorCodes.UnknownNodeType)]
    [InlineData("\"Qm9vazp4\"", RelayErrorCodes.InvalidNodeId)]
    public async Task BadIdsAreClearErrors(string id, string code)
    {
        var (result, _) = await library.ExecuteAsync($"{{ node(id: {id}) {{ id }} }}");

        Assert.Equal(code, Assert.Single(result.Errors!).Code);
    }

    [Fact]
    public async Task NodesRejectsMoreIdsThanTheBatchSize()
    {
        var ids = string.Join(", ", Enumerable.Range(1, 6).Select(i => $"\"{NodeId.Encode("Book", i)}\""));

        var (result, _) = await library.ExecuteAsync($"{{ nodes(ids: [{ids}]) {{ id }} }}");

        Assert.Equal(RelayErrorCodes.TooManyNodes, Assert.Single(result.Errors!).Code);
    }
}
