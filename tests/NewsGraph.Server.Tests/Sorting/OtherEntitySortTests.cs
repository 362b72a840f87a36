using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Sorting;

/// <summary>Sorting authors, tags and categories, and their documented default orders.</summary>
[Collection(SharedServer.Name)]
public sealed class OtherEntitySortTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("authors", "name", "ASC")]
    [InlineData("authors", "name", "DESC")]
    [InlineData("authors", "slug", "DESC")]
    [InlineData("tags", "name", "DESC")]
    [InlineData("tags", "slug", "ASC")]
    [InlineData("categories", "name", "ASC")]
    [InlineData("categories", "slug", "DESC")]
    public async Task String_sort_field_orders_ordinally(string connection, string field, string direction)
    {
        var response = await fixture.Server.PostAsync($"{{ {connection}(first: 50, order: [{{ {field}: {direction} }}]) {{ totalCount nodes {{ {field} }} }} }}");

        var data = response.SuccessfulData()[connection]!;
        var values = Catalogue.Strings(data["nodes"], field);
        var expected = direction == "ASC" ? values.Order(StringComparer.Ordinal) : values.OrderDescending(StringComparer.Ordinal);
        Assert.Equal(expected, values);
        Assert.Equal(data["totalCount"]!.GetValue<int>(), values.Length);
        Assert.True(values.Length > 2);
    }

    [Fact]
    public async Task Default_orders_are_authors_and_tags_by_name_categories_by_position()
    {
        var authors = await Catalogue.AuthorsAsync(fixture.Server);
        var tags = await Catalogue.TagsAsync(fixture.Server);

        var response = await fixture.Server.PostAsync("{ authors(first: 50) { nodes { name } } tags(first: 50) { nodes { name } } categories(first: 50) { nodes { position } } }");

        var data = response.SuccessfulData();
        Assert.Equal(authors.Select(a => a.Name).Order(StringComparer.Ordinal), Catalogue.Strings(data["authors"]!["nodes"], "name"));
        Assert.Equal(tags.Select(t => t.Name).Order(StringComparer.Ordinal), Catalogue.Strings(data["tags"]!["nodes"], "name"));
        var positions = data["categories"]!["nodes"]!.AsArray().Select(n => n!["position"]!.GetValue<int>()).ToArray();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Categories_by_position_then_name_descending()
    {
        var response = await fixture.Server.PostAsync("{ categories(first: 50, order: [{ position: DESC }, { name: DESC }]) { nodes { position name } } }");

        var nodes = response.SuccessfulData()["categories"]!["nodes"]!.AsArray()
            .Select(n => (Position: n!["position"]!.GetValue<int>(), Name: n["name"]!.GetValue<string>())).ToArray();
        var expected = nodes.OrderByDescending(n => n.Position).ThenByDescending(n => n.Name, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, nodes);
        Assert.Contains(nodes.GroupBy(n => n.Position), g => g.Count() > 1);
    }
}
