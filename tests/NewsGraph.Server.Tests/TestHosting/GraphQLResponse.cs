using System.Net;
using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.TestHosting;

public sealed record GraphQLResponse(HttpStatusCode StatusCode, JsonObject Body, string Text)
{
    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"]?.AsArray();

    /// <summary>The data, after asserting that the response carries no errors.</summary>
    public JsonNode SuccessfulData()
    {
        Assert.True(Errors is null, $"Expected no errors but got: {Text}");
        Assert.Equal(HttpStatusCode.OK, StatusCode);
        return Data ?? throw new Xunit.Sdk.XunitException($"No data in {Text}");
    }

    /// <summary>The single error's code, after asserting that there is exactly one error.</summary>
    public string? SingleErrorCode()
    {
        Assert.True(Errors is { Count: 1 }, $"Expected exactly one error but got: {Text}");
        return Errors![0]!["extensions"]?["code"]?.GetValue<string>();
    }
}
