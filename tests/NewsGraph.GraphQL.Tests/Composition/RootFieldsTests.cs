using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Composition;

namespace NewsGraph.GraphQL.Tests.Composition;

public sealed class RootFieldsTests
{
    [Fact]
    public async Task Roots_take_the_registered_features_fields_in_registration_order_once_each()
    {
        var services = new ServiceCollection();
        services.AddQueryFields<BookQueries>().AddQueryFields<WriterQueries>().AddQueryFields<BookQueries>();
        services.AddMutationFields<BookMutations>();
        services.AddGraphQL(graphQL => graphQL.AddSelfActivatingSchema<FeatureSchema>().AddSystemTextJson());
        await using var provider = services.BuildServiceProvider();

        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();

        Assert.Equal(["book", "bookAuthor", "writer"], schema.Query.Fields.Select(f => f.Name));
        Assert.Equal(["renameBook"], schema.Mutation!.Fields.Select(f => f.Name));
        var result = await provider.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = "{ book writer }",
            RequestServices = provider,
        });
        Assert.Equal("{\"data\":{\"book\":\"Germinal\",\"writer\":\"Zola\"}}", provider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result));
    }

    private sealed class FeatureSchema : Schema
    {
        public FeatureSchema(IServiceProvider services)
            : base(services)
        {
            Query = new ComposedRoot("Query", services.GetServices<IQueryFields>().Select(f => (Action<ObjectGraphType>)f.AddTo));
            Mutation = new ComposedRoot("Mutation", services.GetServices<IMutationFields>().Select(f => (Action<ObjectGraphType>)f.AddTo));
        }
    }

    private sealed class ComposedRoot : ObjectGraphType
    {
        public ComposedRoot(string name, IEnumerable<Action<ObjectGraphType>> features)
        {
            Name = name;
            foreach (var addTo in features)
            {
                addTo(this);
            }
        }
    }

    private sealed class BookQueries : IQueryFields
    {
        public void AddTo(ObjectGraphType query)
        {
            query.Field<StringGraphType>("book").Resolve(_ => "Germinal");
            query.Field<StringGraphType>("bookAuthor").Resolve(_ => "Zola");
        }
    }

    private sealed class WriterQueries : IQueryFields
    {
        public void AddTo(ObjectGraphType query) => query.Field<StringGraphType>("writer").Resolve(_ => "Zola");
    }

    private sealed class BookMutations : IMutationFields
    {
        public void AddTo(ObjectGraphType mutation) => mutation.Field<StringGraphType>("renameBook").Resolve(_ => "Nana");
    }
}
