using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Schema;

/// <summary>
/// The introspection fields that schema tools' options ask for (Hot Chocolate serves them all): <c>isRepeatable</c>, and
/// <c>includeDeprecated</c> on fields' arguments and input fields with <c>isDeprecated</c>/<c>deprecationReason</c>.
/// GraphQL.NET 8.8.5 has no <c>includeDeprecated</c> on a directive's arguments and no <c>specifiedByURL</c> yet.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class IntrospectionOptionsTests(ServerFixture fixture)
{
    [Fact]
    public async Task Directives_say_whether_they_are_repeatable_and_input_values_whether_they_are_deprecated()
    {
        var data = (await fixture.Server.PostAsync("""
            {
              __schema {
                directives { name isRepeatable args { name isDeprecated deprecationReason } }
              }
              __type(name: "ArticleFilterInput") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
              query: __type(name: "Query") { fields { name args(includeDeprecated: true) { name isDeprecated } } }
            }
            """)).SuccessfulData();

        var directives = data["__schema"]!["directives"]!.AsArray();
        Assert.All(directives, d => Assert.NotNull(d!["isRepeatable"]));
        var deprecated = directives.Single(d => (string?)d!["name"] == "deprecated")!;
        Assert.False((bool)deprecated["isRepeatable"]!);
        Assert.Equal("reason", (string?)deprecated["args"]![0]!["name"]);

        var inputFields = data["__type"]!["inputFields"]!.AsArray();
        Assert.Contains(inputFields, f => (string?)f!["name"] == "title");
        Assert.All(inputFields, f => Assert.False((bool)f!["isDeprecated"]!));

        var articles = data["query"]!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "articles")!;
        Assert.Contains(articles["args"]!.AsArray(), a => (string?)a!["name"] == "where" && !(bool)a["isDeprecated"]!);
    }
}
