using GraphQL;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Tests.Authorization;

/// <summary>
/// A tiny schema with every kind of authorization metadata: field roles, a policy, a protected type, a protected
/// mutation root with one anonymous field. Resolvers count their runs, to prove that a refused operation ran nothing.
/// </summary>
public sealed class AuthorizationTestSchema : Schema
{
    public AuthorizationTestSchema(IServiceProvider services, ResolverRuns runs)
        : base(services)
    {
        var secret = new ObjectGraphType { Name = "Secret" };
        secret.Field<StringGraphType>("code").Resolve(_ => "42");
        secret.AuthorizeWithRoles("admin");

        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("public").Resolve(_ => runs.Run("public"));
        query.Field<StringGraphType>("editorial").Resolve(_ => runs.Run("editorial")).AuthorizeWithRoles("editor", "admin");
        query.Field<StringGraphType>("signedIn").Resolve(_ => runs.Run("signedIn")).Authorize();
        query.Field<StringGraphType>("policy").Resolve(_ => runs.Run("policy")).AuthorizeWithPolicy("HasNameCms");
        query.Field("secret", secret).Resolve(_ => runs.Run("secret"));
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<StringGraphType>("write").Resolve(_ => runs.Run("write")).AuthorizeWithRoles("editor", "admin");
        mutation.Field<StringGraphType>("ping").Resolve(_ => runs.Run("ping")).AllowAnonymous();
        mutation.Authorize();
        Mutation = mutation;
    }
}

/// <summary>How many times each resolver ran.</summary>
public sealed class ResolverRuns
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);

    public string Run(string field)
    {
        _runs.AddOrUpdate(field, 1, (_, n) => n + 1);
        return field;
    }

    public int Count(string field) => _runs.TryGetValue(field, out var n) ? n : 0;

    public int Total => _runs.Values.Sum();
}
