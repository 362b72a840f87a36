using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Schema;

/// <summary>
/// The introspection fields that schema tools' options ask for (Hot Chocolate serves them all): <c>isRepeatable</c> so
/// far. Input value deprecation and <c>specifiedByURL</c> need introspection types GraphQL.NET 8.8.5 does not have.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class IntrospectionOptionsTests(ServerFixture fixture)
{
    [Fact]
    public async Task Directives_say_whether_they_are_repeatable()
    {
        var data = (await fixture.Server.PostAsync("""
            { __schema { directives { name isRepeatable args { name } } } }
            """)).SuccessfulData();

        var directives = data["__schema"]!["directives"]!.AsArray();
        Assert.All(directives, d => Assert.NotNull(d!["isRepeatable"]));
        var deprecated = directives.Single(d => (string?)d!["name"] == "deprecated")!;
        Assert.False((bool)deprecated["isRepeatable"]!);
        Assert.Equal("reason", (string?)deprecated["args"]![0]!["name"]);
    }
}
