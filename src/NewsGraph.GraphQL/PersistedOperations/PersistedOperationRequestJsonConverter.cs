using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Transport;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Reads a GraphQL request body like GraphQL.NET's converter and also accepts the document-id spellings of other
/// clients: Hot Chocolate's and Apollo's <c>id</c>, Relay's <c>doc_id</c> (besides GraphQL.NET's <c>documentId</c>).
/// Register it before GraphQL.NET's converters (in the <c>AddSystemTextJson</c> options) so it takes precedence.
/// </summary>
public sealed class PersistedOperationRequestJsonConverter : JsonConverter<GraphQLRequest>
{
    public override GraphQLRequest? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A GraphQL request must be a JSON object.");
        }

        var request = new GraphQLRequest();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return request;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("Unexpected token in a GraphQL request.");
            }

            var name = reader.GetString();
            if (!reader.Read())
            {
                throw new JsonException("Unexpected end of a GraphQL request.");
            }

            switch (name)
            {
                case "query":
                    request.Query = ReadString(ref reader, name);
                    break;
                case "operationName":
                    request.OperationName = ReadString(ref reader, name);
                    break;
                case "documentId":
                case "id":
                case "doc_id":
                    request.DocumentId ??= ReadString(ref reader, name);
                    break;
                case "variables":
                    request.Variables = JsonSerializer.Deserialize<Inputs>(ref reader, options);
                    break;
                case "extensions":
                    request.Extensions = JsonSerializer.Deserialize<Inputs>(ref reader, options);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        throw new JsonException("Unexpected end of a GraphQL request.");
    }

    public override void Write(Utf8JsonWriter writer, GraphQLRequest value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Query is not null)
        {
            writer.WriteString("query", value.Query);
        }

        if (value.DocumentId is not null)
        {
            writer.WriteString("documentId", value.DocumentId);
        }

        if (value.OperationName is not null)
        {
            writer.WriteString("operationName", value.OperationName);
        }

        if (value.Variables is not null)
        {
            writer.WritePropertyName("variables");
            JsonSerializer.Serialize(writer, value.Variables, options);
        }

        if (value.Extensions is not null)
        {
            writer.WritePropertyName("extensions");
            JsonSerializer.Serialize(writer, value.Extensions, options);
        }

        writer.WriteEndObject();
    }

    private static string? ReadString(ref Utf8JsonReader reader, string? name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"The GraphQL request member '{name}' must be a string."),
    };
}
