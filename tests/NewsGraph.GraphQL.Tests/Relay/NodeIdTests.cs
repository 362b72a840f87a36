using System.Text;
using GraphQL;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Tests.Relay;

public sealed class NodeIdTests
{
    [Fact]
    public void EncodesLikeHotChocolate()
    {
        Assert.Equal("QXJ0aWNsZTox", NodeId.Encode("Article", 1));
        Assert.Equal("QXR0ZW5kZWU6MQ==", NodeId.Encode("Attendee", 1));
        Assert.Equal("Rm9vOjMy", NodeId.Encode("Foo", 32));
    }

    [Theory]
    [InlineData("Rm9vOjMy", "Foo", "32")]
    [InlineData("Rm9vCmkzMg==", "Foo", "32")]
    [InlineData("QXR0ZW5kZWUKaTE=", "Attendee", "1")]
    public void DecodesNewAndLegacyFormats(string value, string typeName, string rawId)
    {
        Assert.True(NodeId.TryDecode(value, out var decodedType, out var decodedId));
        Assert.Equal(typeName, decodedType);
        Assert.Equal(rawId, decodedId);
    }

    [Theory]
    [InlineData('l', "9")]
    [InlineData('s', "7")]
    [InlineData('d', "abc")]
    public void DecodesOtherLegacyTags(char tag, string value)
    {
        var id = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Book\n{tag}{value}"));

        Assert.True(NodeId.TryDecode(id, out var typeName, out var rawId));
        Assert.Equal("Book", typeName);
        Assert.Equal(value, rawId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("Qm9vaw==")]
    [InlineData("OjE=")]
    [InlineData("Qm9vazo=")]
    [InlineData("//79")]
    public void RejectsMalformedIds(string? value)
    {
        Assert.False(NodeId.TryDecode(value, out _, out _));
        var error = Assert.Throws<ExecutionError>(() => NodeId.DecodeInt(value, "Book"));
        Assert.Equal(RelayErrorCodes.InvalidNodeId, error.Code);
    }

    [Fact]
    public void DecodeIntChecksTheTypeAndKey()
    {
        Assert.Equal(42, NodeId.DecodeInt(NodeId.Encode("Book", 42), "Book"));
        Assert.Equal(42, NodeId.DecodeInt("Qm9vawppNDI=", "Book"));

        var wrongType = Assert.Throws<ExecutionError>(() => NodeId.DecodeInt(NodeId.Encode("Writer", 42), "Book"));
        Assert.Equal(RelayErrorCodes.WrongNodeType, wrongType.Code);
        Assert.Contains("identifies a `Writer`, but an ID of a `Book` was expected", wrongType.Message, StringComparison.Ordinal);

        var notInt = Assert.Throws<ExecutionError>(() => NodeId.DecodeInt(Convert.ToBase64String(Encoding.UTF8.GetBytes("Book:abc")), "Book"));
        Assert.Equal(RelayErrorCodes.InvalidNodeId, notInt.Code);
    }
}
