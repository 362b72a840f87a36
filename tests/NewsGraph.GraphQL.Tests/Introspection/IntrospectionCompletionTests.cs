using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Tests.TestHosting;
using NewsGraph.TestSupport;

namespace NewsGraph.GraphQL.Tests.Introspection;

/// <summary>
/// <see cref="NewsGraph.GraphQL.Introspection.CompleteIntrospectionSchema"/> over HTTP: what Hot Chocolate 15 answers
/// for deprecated input values, <c>@specifiedBy</c> and OneOf input objects.
/// </summary>
public sealed class IntrospectionCompletionTests : IAsyncLifetime
{
    private GraphQLTestServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await GraphQLTestServer.StartAsync<IntrospectionTestSchema>();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Deprecated_directive_arguments_are_listed_only_when_asked_for()
    {
        var data = (await _client.PostQueryAsync("""
            {
              __schema {
                directives {
                  name
                  args { name }
                  all: args(includeDeprecated: true) { name isDeprecated deprecationReason }
                }
              }
            }
            """)).SuccessfulData();

        var cache = data["__schema"]!["directives"]!.AsArray().Single(d => (string?)d!["name"] == "cache")!;
        Assert.Equal(["maxAge"], Names(cache["args"]));
        Assert.Equal(["maxAge", "seconds"], Names(cache["all"]));
        var seconds = cache["all"]![1]!;
        Assert.True((bool)seconds["isDeprecated"]!);
        Assert.Equal("Use maxAge.", (string?)seconds["deprecationReason"]);
        Assert.False((bool)cache["all"]![0]!["isDeprecated"]!);
    }

    [Fact]
    public async Task Deprecated_arguments_and_input_fields_are_listed_only_when_asked_for()
    {
        var data = (await _client.PostQueryAsync("""
            {
              query: __type(name: "Query") {
                fields { name args { name } all: args(includeDeprecated: true) { name isDeprecated deprecationReason } }
              }
              cat: __type(name: "CatInput") {
                inputFields { name }
                all: inputFields(includeDeprecated: true) { name isDeprecated deprecationReason }
              }
            }
            """)).SuccessfulData();

        var colour = data["query"]!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "colour")!;
        Assert.Equal(["shade"], Names(colour["args"]));
        Assert.Equal(["shade", "tint"], Names(colour["all"]));
        Assert.Equal("Use shade.", (string?)colour["all"]![1]!["deprecationReason"]);
        Assert.Equal(["name"], Names(data["cat"]!["inputFields"]));
        Assert.Equal(["name", "nickname"], Names(data["cat"]!["all"]));
        Assert.True((bool)data["cat"]!["all"]![1]!["isDeprecated"]!);
    }

    [Fact]
    public async Task A_scalar_reports_the_url_it_is_specified_by()
    {
        var data = (await _client.PostQueryAsync("""
            {
              colour: __type(name: "Colour") { kind specifiedByURL }
              string: __type(name: "String") { specifiedByURL }
              __schema { directives { name locations } }
            }
            """)).SuccessfulData();

        Assert.Equal(IntrospectionTestSchema.SpecificationUrl, (string?)data["colour"]!["specifiedByURL"]);
        Assert.Null(data["string"]!["specifiedByURL"]);
        var specifiedBy = data["__schema"]!["directives"]!.AsArray().Single(d => (string?)d!["name"] == "specifiedBy")!;
        Assert.Equal(["SCALAR"], specifiedBy["locations"]!.AsArray().Select(l => (string)l!).ToArray());
    }

    [Fact]
    public async Task A_one_of_input_object_says_so_and_defines_the_directive()
    {
        var data = (await _client.PostQueryAsync("""
            {
              pet: __type(name: "PetInput") { isOneOf }
              cat: __type(name: "CatInput") { isOneOf }
              __schema { directives { name locations isRepeatable args { name } } }
            }
            """)).SuccessfulData();

        Assert.True((bool)data["pet"]!["isOneOf"]!);
        Assert.False((bool)data["cat"]!["isOneOf"]!);
        var oneOf = data["__schema"]!["directives"]!.AsArray().Single(d => (string?)d!["name"] == "oneOf")!;
        Assert.Equal(["INPUT_OBJECT"], oneOf["locations"]!.AsArray().Select(l => (string)l!).ToArray());
        Assert.False((bool)oneOf["isRepeatable"]!);
        Assert.Empty(oneOf["args"]!.AsArray());
    }

    [Fact]
    public void The_sdl_defines_and_applies_the_type_system_directives_as_hot_chocolate_prints_them()
    {
        var sdl = _server.Services.GetRequiredService<IntrospectionTestSchema>().Print().ReplaceLineEndings("\n");

        Assert.Contains("directive @oneOf on INPUT_OBJECT", sdl, StringComparison.Ordinal);
        Assert.Contains("input PetInput @oneOf {", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @specifiedBy(", sdl, StringComparison.Ordinal);
        Assert.Contains($"scalar Colour @specifiedBy(url: \"{IntrospectionTestSchema.SpecificationUrl}\")", sdl, StringComparison.Ordinal);
        Assert.Contains("tint: String @deprecated(reason: \"Use shade.\")", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_of_input_object_takes_exactly_one_non_null_field()
    {
        Assert.Equal("cat Tom", (string?)(await _client.PostQueryAsync("""{ pet(by: { cat: { name: "Tom" } }) }""")).SuccessfulData()["pet"]);
        Assert.Equal("dog Rex", (string?)(await _client.PostQueryAsync("""{ pet(by: { dog: "Rex" }) }""")).SuccessfulData()["pet"]);

        foreach (var refused in new[]
        {
            """{ pet(by: {}) }""",
            """{ pet(by: { cat: { name: "Tom" }, dog: "Rex" }) }""",
            """{ pet(by: { dog: null }) }""",
        })
        {
            var response = await _client.PostQueryAsync(refused);
            Assert.False(response.HasData && response.Data is not null, $"{refused} was executed: {response.Text}");
            Assert.Contains("exactly one", (string?)response.FirstError["message"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_one_of_input_object_from_variables_takes_exactly_one_non_null_field()
    {
        const string WholeObject = "query ($by: PetInput!) { pet(by: $by) }";
        var one = await _client.PostGraphQLAsync(new { query = WholeObject, variables = new { by = new { dog = "Rex" } } });
        Assert.Equal("dog Rex", (string?)one.SuccessfulData()["pet"]);

        var two = await _client.PostGraphQLAsync(new { query = WholeObject, variables = new { by = new { dog = "Rex", cat = new { name = "Tom" } } } });
        Assert.Null(two.Data);
        Assert.Contains("exactly one", (string?)two.FirstError["message"], StringComparison.Ordinal);

        // A variable for one field must be non-null: a nullable one could make the object empty.
        var nullable = await _client.PostGraphQLAsync(new { query = "query ($dog: String) { pet(by: { dog: $dog }) }", variables = new { dog = "Rex" } });
        Assert.Null(nullable.Data);
        Assert.Contains("$dog", (string?)nullable.FirstError["message"], StringComparison.Ordinal);
        var nonNull = await _client.PostGraphQLAsync(new { query = "query ($dog: String!) { pet(by: { dog: $dog }) }", variables = new { dog = "Rex" } });
        Assert.Equal("dog Rex", (string?)nonNull.SuccessfulData()["pet"]);
    }

    private static string[] Names(JsonNode? list) => list!.AsArray().Select(n => (string)n!["name"]!).ToArray();
}
