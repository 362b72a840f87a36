using NewsGraph.GraphQL.Http;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Hosting;

/// <summary>The composition root: every service and endpoint of the server, shared by Program and the tests.</summary>
public static class NewsGraphApplication
{
    public static WebApplication Build(string[] args) => Build(args, configureServices: null);

    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddNewsData(builder.Configuration);
        builder.Services.AddHostedService<DatabaseInitializationService>();
        builder.Services.AddNewsSchema(builder.Configuration, builder.Environment);
        builder.Services.AddGraphQLHttp();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGraphQLHttp("/graphql");
        return app;
    }
}
