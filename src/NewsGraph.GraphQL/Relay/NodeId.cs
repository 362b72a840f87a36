using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using GraphQL;

namespace NewsGraph.GraphQL.Relay;

/// <summary>
/// Global object IDs in Hot Chocolate's format: base64 of <c>"{TypeName}:{id}"</c>
/// (<c>Article:1</c> → <c>QXJ0aWNsZTox</c>). Also reads HC ≤ 13's legacy format
/// base64 of <c>"{TypeName}\n{tag}{id}"</c> (tags <c>i</c> int, <c>l</c> long, <c>s</c> short, <c>d</c> string).
/// </summary>
public static class NodeId
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string typeName, int id)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Concat(typeName, ":", id.ToString(CultureInfo.InvariantCulture))));
    }

    public static bool TryDecode(string? value, [NotNullWhen(true)] out string? typeName, [NotNullWhen(true)] out string? rawId)
    {
        typeName = null;
        rawId = null;
        if (string.IsNullOrEmpty(value) || !TryFromBase64(value, out var text))
        {
            return false;
        }

        var legacySeparator = text.IndexOf('\n', StringComparison.Ordinal);
        if (legacySeparator > 0)
        {
            // Legacy: "Type\n<tag><value>"; the tag only tells the CLR type of the value.
            if (legacySeparator + 2 > text.Length || !IsLegacyTag(text[legacySeparator + 1]))
            {
                return false;
            }

            typeName = text[..legacySeparator];
            rawId = text[(legacySeparator + 2)..];
            return IsTypeName(typeName);
        }

        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == text.Length - 1)
        {
            return false;
        }

        typeName = text[..separator];
        rawId = text[(separator + 1)..];
        return IsTypeName(typeName);
    }

    public static int DecodeInt(string? value, string expectedTypeName)
    {
        if (!TryDecode(value, out var typeName, out var rawId)
            || !int.TryParse(rawId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            throw new ExecutionError($"The ID `{value}` is not a valid `{expectedTypeName}` ID.")
            {
                Code = RelayErrorCodes.InvalidNodeId,
            };
        }

        if (!string.Equals(typeName, expectedTypeName, StringComparison.Ordinal))
        {
            throw new ExecutionError($"The ID `{value}` identifies a `{typeName}`, but an ID of a `{expectedTypeName}` was expected.")
            {
                Code = RelayErrorCodes.WrongNodeType,
            };
        }

        return id;
    }

    private static bool IsLegacyTag(char tag) => tag is 'i' or 'l' or 's' or 'd';

    private static bool IsTypeName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryFromBase64(string value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        var buffer = ArrayPool<byte>.Shared.Rent(((value.Length + 3) / 4 * 3) + 3);
        try
        {
            if (!Convert.TryFromBase64String(value, buffer, out var written))
            {
                return false;
            }

            text = StrictUtf8.GetString(buffer, 0, written);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
