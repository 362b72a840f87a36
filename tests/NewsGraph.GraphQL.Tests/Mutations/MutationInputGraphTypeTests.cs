using GraphQL;
using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.GraphQL.Tests.Mutations;

public sealed class MutationInputGraphTypeTests
{
    [Fact]
    public void The_input_type_declares_the_records_fields_with_their_graph_types()
    {
        var sdl = BuildSchema().Print();

        Assert.Contains("input UpdateBookInput {\n  id: ID!\n  title: String\n  subtitle: String\n  position: Int\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("updateBook(input: UpdateBookInput!): UpdateBookPayload!", sdl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ id: "Qm9vazox" }""", "Qm9vazox title=none subtitle=unset position=unset")]
    [InlineData("""{ id: "Qm9vazox", title: null, subtitle: null, position: null }""", "Qm9vazox title=none subtitle=set:none position=set:none")]
    [InlineData("""{ id: "Qm9vazox", title: "Nana", subtitle: "Les Rougon", position: 3 }""", "Qm9vazox title=Nana subtitle=set:Les Rougon position=set:3")]
    [InlineData("""{ id: 7, subtitle: "x" }""", "7 title=none subtitle=set:x position=unset")]
    public async Task Resolvers_get_the_record_and_see_which_optional_fields_were_sent(string input, string expected)
    {
        var result = await ExecuteAsync($"mutation {{ updateBook(input: {input}) {{ book }} }}");

        Assert.Equal("{\"data\":{\"updateBook\":{\"book\":\"" + expected + "\"}}}", result);
    }

    [Fact]
    public async Task Variables_bind_the_same_way_as_literals()
    {
        var result = await ExecuteAsync(
            "mutation($input: UpdateBookInput!) { updateBook(input: $input) { book } }",
            """{"input":{"id":"Qm9vazox","subtitle":null}}""");

        Assert.Equal("""{"data":{"updateBook":{"book":"Qm9vazox title=none subtitle=set:none position=unset"}}}""", result);
    }

    private static async Task<string> ExecuteAsync(string query, string? variables = null)
    {
        var schema = BuildSchema();
        var serializer = new global::GraphQL.SystemTextJson.GraphQLSerializer();
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(variables),
        });
        var json = serializer.Serialize(result);
        return json;
    }

    private static Schema BuildSchema()
    {
        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.AddMutationField<StringGraphType, string, UpdateBookInputType, UpdateBookInput>(
            "updateBook",
            "book",
            [],
            (_, book) => Task.FromResult<MutationResult<string>>(
                $"{book.Id} title={book.Title ?? "none"} subtitle={Describe(book.Subtitle)} position={Describe(book.Position)}"));

        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("ping").Resolve(_ => "pong");
        var schema = new Schema { Query = query, Mutation = mutation };
        schema.Initialize();
        return schema;
    }

    private static string Describe<T>(Optional<T> value) =>
        value.HasValue ? $"set:{(object?)value.Value ?? "none"}" : "unset";

    private sealed class UpdateBookInputType : MutationInputGraphType<UpdateBookInput>
    {
        public UpdateBookInputType()
        {
            Field(b => b.Id, type: typeof(NonNullGraphType<IdGraphType>));
            Field(b => b.Title, nullable: true);
            OptionalField(b => b.Subtitle, typeof(StringGraphType));
            OptionalField(b => b.Position, typeof(IntGraphType));
        }
    }

    private sealed record UpdateBookInput(string Id)
    {
        public string? Title { get; init; }

        public Optional<string?> Subtitle { get; init; }

        public Optional<int?> Position { get; init; }
    }
}
