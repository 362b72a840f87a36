using System.Net;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Filtering;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>Mutations are for editors: anyone else gets a clear authorization error and nothing executes.</summary>
[Collection(AuthenticatedServer.Name)]
public sealed class MutationAuthorizationTests(AuthenticatedServerFixture fixture)
{
    private const string Publish = "mutation ($input: PublishArticleInput!) { publishArticle(input: $input) { __typename } }";

    [Theory]
    [InlineData("anonymous", "AUTH_NOT_AUTHENTICATED")]
    [InlineData("norole", "AUTH_NOT_AUTHORIZED")]
    [InlineData("jwt-norole", "AUTH_NOT_AUTHORIZED")]
    public async Task Publishing_without_an_editor_role_is_refused_and_changes_nothing(string viewer, string code)
    {
        var draft = (await Catalogue.AllArticlesAsync(fixture.Server)).First(a => a.Status == ArticleStatus.Draft);

        var response = await fixture.PostAsync(Viewer.ByName(viewer), Publish, new
        {
            input = new { id = Catalogue.GlobalId("Article", draft.Id), version = draft.Version, isBreaking = true },
        });

        // A validation error: 400 with application/graphql-response+json, no data at all (nothing executed).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Body["data"]);
        Assert.Equal(code, response.SingleErrorCode());
        Assert.Contains("Mutation.publishArticle", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
        var after = (await Catalogue.AllArticlesAsync(fixture.Server)).Single(a => a.Id == draft.Id);
        Assert.Equal(ArticleStatus.Draft, after.Status);
        Assert.Equal(draft.Version, after.Version);
    }
}
