using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Schema;

/// <summary>
/// The introspection fields that schema tools' options ask for, over HTTP, as Hot Chocolate 15 serves them:
/// <c>isRepeatable</c>, <c>specifiedByURL</c>, input value deprecation (also on directives' arguments, which Banana
/// Cake Pop asks for) and <c>isOneOf</c>.
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

    [Fact]
    public async Task DateTime_is_specified_by_the_graphql_scalars_url()
    {
        var data = (await fixture.Server.PostAsync("""
            {
              dateTime: __type(name: "DateTime") { kind specifiedByURL }
              string: __type(name: "String") { specifiedByURL }
              article: __type(name: "Article") { specifiedByURL }
              __schema { directives { name locations args { name type { kind ofType { name } } } } }
            }
            """)).SuccessfulData();

        Assert.Equal("SCALAR", (string?)data["dateTime"]!["kind"]);
        Assert.Equal("https://www.graphql-scalars.com/date-time", (string?)data["dateTime"]!["specifiedByURL"]);
        Assert.Null(data["string"]!["specifiedByURL"]);
        Assert.Null(data["article"]!["specifiedByURL"]);
        var specifiedBy = data["__schema"]!["directives"]!.AsArray().Single(d => (string?)d!["name"] == "specifiedBy")!;
        Assert.Equal("SCALAR", (string?)specifiedBy["locations"]![0]);
        Assert.Equal("url", (string?)specifiedBy["args"]![0]!["name"]);
        Assert.Equal("NON_NULL", (string?)specifiedBy["args"]![0]!["type"]!["kind"]);
        Assert.Equal("String", (string?)specifiedBy["args"]![0]!["type"]!["ofType"]!["name"]);
    }

    [Fact]
    public async Task Input_values_say_whether_they_are_deprecated_wherever_they_are_listed()
    {
        // The schema deprecates no argument or input field, so every one answers false/null; what this proves is that
        // every place a client asks (Banana Cake Pop and graphql-js's inputValueDeprecation ask all three) accepts
        // includeDeprecated and answers the fields.
        var data = (await fixture.Server.PostAsync("""
            {
              __schema {
                directives { name args(includeDeprecated: true) { name isDeprecated deprecationReason } }
                types {
                  fields(includeDeprecated: true) { args(includeDeprecated: true) { name isDeprecated deprecationReason } }
                  inputFields(includeDeprecated: true) { name isDeprecated deprecationReason }
                }
              }
              withoutArgument: __type(name: "Query") { fields { name args { name isDeprecated } } }
            }
            """)).SuccessfulData();

        var directiveArgs = data["__schema"]!["directives"]!.AsArray().SelectMany(d => d!["args"]!.AsArray()).ToList();
        var fieldArgs = data["__schema"]!["types"]!.AsArray()
            .SelectMany(t => t!["fields"]?.AsArray() ?? [])
            .SelectMany(f => f!["args"]!.AsArray()).ToList();
        var inputFields = data["__schema"]!["types"]!.AsArray().SelectMany(t => t!["inputFields"]?.AsArray() ?? []).ToList();
        Assert.NotEmpty(directiveArgs);
        Assert.Contains(fieldArgs, a => (string?)a!["name"] == "where");
        Assert.Contains(inputFields, f => (string?)f!["name"] == "eq");
        Assert.All(directiveArgs.Concat(fieldArgs).Concat(inputFields), value =>
        {
            Assert.False((bool)value!["isDeprecated"]!);
            Assert.Null(value["deprecationReason"]);
        });

        var articles = data["withoutArgument"]!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "articles")!;
        Assert.Contains(articles["args"]!.AsArray(), a => (string?)a!["name"] == "first");
    }

    [Fact]
    public async Task Input_objects_say_whether_they_are_one_of()
    {
        var data = (await fixture.Server.PostAsync("""
            {
              input: __type(name: "ArticleFilterInput") { kind isOneOf }
              output: __type(name: "Article") { isOneOf }
              __schema { description directives { name } }
            }
            """)).SuccessfulData();

        Assert.Equal("INPUT_OBJECT", (string?)data["input"]!["kind"]);
        Assert.False((bool)data["input"]!["isOneOf"]!);
        Assert.Null(data["output"]!["isOneOf"]);
        // No input object of the news schema is OneOf, so @oneOf is not defined (Hot Chocolate 15 drops unused type
        // system directives); the library's tests cover a OneOf schema.
        Assert.DoesNotContain(data["__schema"]!["directives"]!.AsArray(), d => (string?)d!["name"] == "oneOf");
    }
}
