using GraphQL;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Tests.Data.Library;
using NewsGraph.GraphQL.Types;

namespace NewsGraph.GraphQL.Tests.Types;

[Collection(LibraryDatabaseGroup.Name)]
public sealed class HotChocolateDateTimeGraphTypeTests(LibraryFixture library)
{
    private readonly HotChocolateDateTimeGraphType _scalar = new();

    [Fact]
    public void SerialisesUtcWithMilliseconds()
    {
        Assert.Equal("2024-02-29T23:59:58.123Z", _scalar.Serialize(new DateTime(2024, 2, 29, 23, 59, 58, 123, DateTimeKind.Utc).AddTicks(4567)));
        Assert.Equal("2024-02-29T23:59:58.123Z", _scalar.Serialize(new DateTime(2024, 2, 29, 23, 59, 58, 123, DateTimeKind.Unspecified)));
        Assert.Equal("2024-02-29T21:59:58.000Z", _scalar.Serialize(new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromHours(2))));
    }

    [Theory]
    [InlineData("2024-03-01T10:00:00Z", "2024-03-01T10:00:00.0000000Z")]
    [InlineData("2024-03-01T10:00:00.1234567+02:00", "2024-03-01T08:00:00.1234567Z")]
    [InlineData("2024-03-01T10:00:00.5-05:30", "2024-03-01T15:30:00.5000000Z")]
    public void ParsesOffsetsToUtc(string input, string expectedRoundTrip)
    {
        var parsed = Assert.IsType<DateTime>(_scalar.ParseValue(input));

        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        Assert.Equal(expectedRoundTrip, parsed.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(parsed, _scalar.ParseLiteral(new GraphQLStringValue(input)));
    }

    [Theory]
    [InlineData("2024-03-01T10:00:00")]
    [InlineData("2024-03-01")]
    [InlineData("2024-03-01 10:00:00Z")]
    [InlineData("2024-03-01T10:00:00.12345678Z")]
    [InlineData("yesterday")]
    public void RejectsValuesWithoutAnOffset(string input)
    {
        Assert.False(_scalar.CanParseValue(input));
        Assert.ThrowsAny<Exception>(() => _scalar.ParseValue(input));
    }

    [Fact]
    public async Task ReplacesTheBuiltInScalarInTheSchema()
    {
        var (_, json) = await library.ExecuteAsync("""{ echoDate(value: "2024-03-01T10:00:00.25+01:00") unspecifiedDate }""");
        var (invalid, _) = await library.ExecuteAsync("""{ echoDate(value: "2024-03-01T10:00:00") }""");

        Assert.Equal("""{"data":{"echoDate":"2024-03-01T09:00:00.250Z","unspecifiedDate":"2024-02-29T23:59:58.123Z"}}""", json);
        Assert.NotNull(invalid.Errors);
        Assert.IsType<HotChocolateDateTimeGraphType>(library.Schema.AllTypes["DateTime"]);
    }
}
