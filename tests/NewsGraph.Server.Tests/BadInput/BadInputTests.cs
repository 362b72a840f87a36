using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.BadInput;

/// <summary>
/// Bad documents, arguments and cursors: a GraphQL error with a message and an <c>extensions.code</c>,
/// 400 for request (validation / coercion) errors and 200 for field errors under
/// <c>application/graphql-response+json</c>, never a 500, and the server keeps answering.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class BadInputTests(ServerFixture fixture)
{
    private static readonly Dictionary<string, (string Query, object? Variables, HttpStatusCode Status, string? Code)> RequestErrors = new()
    {
        ["unknown field"] = ("{ articles { nodes { nope } } }", null, HttpStatusCode.BadRequest, null),
        ["unknown root field"] = ("{ nope }", null, HttpStatusCode.BadRequest, null),
        ["unknown argument"] = ("{ articles(page: 2) { nodes { id } } }", null, HttpStatusCode.BadRequest, null),
        ["first is a string"] = ("""{ articles(first: "x") { nodes { id } } }""", null, HttpStatusCode.BadRequest, null),
        ["first variable of the wrong type"] = ("query ($first: Int) { articles(first: $first) { nodes { id } } }", new { first = "x" }, HttpStatusCode.BadRequest, null),
        ["first is a float"] = ("{ articles(first: 1.5) { nodes { id } } }", null, HttpStatusCode.BadRequest, null),
        ["filter on an unknown field"] = ("{ articles(where: { nope: { eq: 1 } }) { nodes { id } } }", null, HttpStatusCode.BadRequest, null),
        ["unknown filter operation"] = ("""{ articles(where: { title: { like: "x" } }) { nodes { id } } }""", null, HttpStatusCode.BadRequest, null),
        ["wrong enum value in where"] = ("{ articles(where: { status: { eq: DELETED } }) { nodes { id } } }", null, HttpStatusCode.BadRequest, null),
        ["string given for an enum in where"] = ("""{ articles(where: { status: { eq: "DRAFT" } }) { nodes { id } } }""", null, HttpStatusCode.BadRequest, null),
        ["wrong type in a filter"] = ("""{ articles(where: { wordCount: { gt: "many" } }) { nodes { id } } }""", null, HttpStatusCode.BadRequest, null),
        ["bad DateTime in a filter"] = ("""{ articles(where: { publishedAt: { gt: "yesterday" } }) { nodes { id } } }""", null, HttpStatusCode.BadRequest, null),
        ["bad DateTime in a filter variable"] = ("query ($w: ArticleFilterInput) { articles(where: $w) { nodes { id } } }", new { w = new { publishedAt = new { gt = "2024-13-45T99:00:00Z" } } }, HttpStatusCode.BadRequest, null),
        ["unknown field in a filter variable"] = ("query ($w: ArticleFilterInput) { articles(where: $w) { nodes { id } } }", new { w = new { nope = new { eq = 1 } } }, HttpStatusCode.BadRequest, null),
        ["sort on an unknown field"] = ("{ articles(order: [{ nope: ASC }]) { nodes { id } } }", null, HttpStatusCode.BadRequest, null),
        ["sort direction not in SortEnumType"] = ("{ articles(order: [{ title: UP }]) { nodes { id } } }", null, HttpStatusCode.BadRequest, null),
        ["sort on a list field"] = ("{ articles(order: [{ tags: ASC }]) { nodes { id } } }", null, HttpStatusCode.BadRequest, null),
        ["syntax error"] = ("{ articles(first: 2) { nodes { id }", null, HttpStatusCode.BadRequest, null),
        ["missing required argument"] = ("{ node { id } }", null, HttpStatusCode.BadRequest, null),
    };

    private static readonly Dictionary<string, (string Query, object? Variables, string? Code)> FieldErrors = new()
    {
        ["garbage after cursor"] = ("""{ articles(after: "garbage") { nodes { id } } }""", null, "HC0078"),
        ["garbage before cursor"] = ("""{ articles(last: 2, before: "%%%") { nodes { id } } }""", null, "HC0078"),
        ["empty cursor"] = ("""{ articles(after: "") { nodes { id } } }""", null, "HC0078"),
        ["base64 garbage cursor"] = ("query ($c: String) { articles(after: $c) { nodes { id } } }", new { c = Catalogue.Base64("garbage") }, "HC0078"),
        ["base64 JSON cursor of the wrong shape"] = ("query ($c: String) { articles(after: $c) { nodes { id } } }", new { c = Catalogue.Base64("[\"x\",1,{}]") }, "HC0078"),
        ["hot chocolate index cursor"] = ("query ($c: String) { articles(after: $c) { nodes { id } } }", new { c = Catalogue.Base64("3") }, "HC0078"),
        ["negative first"] = ("{ articles(first: -1) { nodes { id } } }", null, "HC0079"),
        ["negative last"] = ("{ articles(last: -1) { nodes { id } } }", null, "HC0079"),
        ["first with last"] = ("{ articles(first: 2, last: 2) { nodes { id } } }", null, null),
        ["nested negative first"] = ("""{ authorBySlug(slug: "daniel-kim") { articles(first: -5) { nodes { id } } } }""", null, "HC0079"),
    };

    public static TheoryData<string> RequestErrorNames() => [.. RequestErrors.Keys];

    public static TheoryData<string> FieldErrorNames() => [.. FieldErrors.Keys];

    [Theory]
    [MemberData(nameof(RequestErrorNames))]
    public async Task Request_errors_are_400_with_a_coded_error_and_no_data(string name)
    {
        var (query, variables, status, code) = RequestErrors[name];

        var response = await fixture.Server.PostAsync(query, variables);

        AssertClearErrors(response, status, code);
        Assert.False(response.Body.ContainsKey("data"), $"A request error has no data entry: {response.Text}");
        await AssertServerStillAnswersAsync();
    }

    [Theory]
    [MemberData(nameof(FieldErrorNames))]
    public async Task Field_errors_are_200_with_a_coded_error_and_null_data(string name)
    {
        var (query, variables, code) = FieldErrors[name];

        var response = await fixture.Server.PostAsync(query, variables);

        AssertClearErrors(response, HttpStatusCode.OK, code);
        Assert.True(response.Errors![0]!["path"] is JsonArray { Count: > 0 }, $"A field error has a path: {response.Text}");
        Assert.True(response.Body.ContainsKey("data"), response.Text);
        await AssertServerStillAnswersAsync();
    }

    [Fact]
    public async Task Cursor_of_another_connection_is_rejected()
    {
        var authors = await fixture.Server.PostAsync("{ authors(first: 2) { pageInfo { endCursor } } }");
        var cursor = authors.SuccessfulData()["authors"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await fixture.Server.PostAsync("query ($c: String) { articles(first: 2, after: $c) { nodes { id } } }", new { c = cursor });

        AssertClearErrors(response, HttpStatusCode.OK, "HC0078");
        await AssertServerStillAnswersAsync();
    }

    [Fact]
    public async Task Cursor_of_another_ordering_is_rejected()
    {
        var page = await fixture.Server.PostAsync("{ articles(first: 2, order: [{ publishedAt: DESC }]) { pageInfo { endCursor } } }");
        var cursor = page.SuccessfulData()["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await fixture.Server.PostAsync("query ($c: String) { articles(first: 2, after: $c, order: [{ title: ASC }]) { nodes { id } } }", new { c = cursor });

        AssertClearErrors(response, HttpStatusCode.OK, "HC0078");
        await AssertServerStillAnswersAsync();
    }

    [Fact]
    public async Task Truncated_and_tampered_cursors_are_rejected()
    {
        var page = await fixture.Server.PostAsync("{ articles(first: 2) { pageInfo { endCursor } } }");
        var cursor = page.SuccessfulData()["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));

        foreach (var bad in new[] { cursor[..^4], cursor + "AAAA", Catalogue.Base64(decoded.Replace(']', ',') + "\"x\"]"), Catalogue.Base64(decoded[..^1]) })
        {
            var response = await fixture.Server.PostAsync("query ($c: String) { articles(first: 2, after: $c) { nodes { id } } }", new { c = bad });
            AssertClearErrors(response, HttpStatusCode.OK, "HC0078");
        }

        await AssertServerStillAnswersAsync();
    }

    private static void AssertClearErrors(GraphQLResponse response, HttpStatusCode status, string? code)
    {
        Assert.True(response.StatusCode == status, $"Expected HTTP {(int)status} but got {(int)response.StatusCode}: {response.Text}");
        var errors = response.Errors;
        Assert.True(errors is { Count: > 0 }, $"Expected errors: {response.Text}");
        foreach (var error in errors!)
        {
            Assert.False(string.IsNullOrWhiteSpace(error!["message"]?.GetValue<string>()), response.Text);
            var actualCode = error["extensions"]?["code"]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(actualCode), $"Every error needs extensions.code: {response.Text}");
            Assert.DoesNotContain("INTERNAL", actualCode, StringComparison.OrdinalIgnoreCase);
        }

        if (code is not null)
        {
            Assert.Equal(code, response.SingleErrorCode());
        }
    }

    private async Task AssertServerStillAnswersAsync()
    {
        var response = await fixture.Server.PostAsync("{ articles(first: 2) { nodes { id } } }");
        Assert.Equal(2, response.SuccessfulData()["articles"]!["nodes"]!.AsArray().Count);
    }
}
