using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GraphQL;

namespace NewsGraph.Server.Previews;

/// <summary>
/// Signs and checks preview tokens: <c>base64url(payload).base64url(HMAC-SHA256(key, purpose + payload))</c>, the
/// payload being a format byte, the article's id and the expiry (Unix seconds). The article is inside the signed part,
/// so a token opens its article and no other; a new key makes every earlier token fail its signature.
/// </summary>
public sealed partial class PreviewTokens
{
    public const int MinKeyBytes = 32;

    /// <summary>Longer than any token this class makes; anything longer is refused before it is decoded.</summary>
    public const int MaxTokenLength = 100;

    private const byte Format = 1;
    private const int PayloadLength = 1 + sizeof(int) + sizeof(long);
    private const int SignatureLength = HMACSHA256.HashSizeInBytes;

    // Keeps a signature made for something else with the same key (should the key ever be shared) from passing as a preview.
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("NewsGraph article preview\n");

    private readonly byte[]? _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    public PreviewTokens(PreviewSettings settings, IHostEnvironment environment, TimeProvider clock, ILogger<PreviewTokens> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logger);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _lifetime = settings.Lifetime;
        if (settings.SigningKey is not null)
        {
            _key = DecodeKey(settings.SigningKey) ?? throw new InvalidOperationException("Previews:SigningKey is not a usable key.");
        }
        else if (environment.IsDevelopment())
        {
            // Good enough on one developer's machine; links die with the process and differ between instances.
            _key = RandomNumberGenerator.GetBytes(MinKeyBytes);
            LogRandomKey(logger);
        }
        else
        {
            LogNoKey(logger, PreviewErrorCodes.NotConfigured);
        }
    }

    /// <summary>The key bytes of a configured value, or null when it is not base64 of at least <see cref="MinKeyBytes"/> bytes.</summary>
    public static byte[]? DecodeKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            var key = Convert.FromBase64String(value.Trim());
            return key.Length >= MinKeyBytes ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A token that opens <paramref name="articleId"/> until the configured lifetime has passed.</summary>
    public PreviewToken Create(int articleId)
    {
        var key = RequireKey();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((_clock.GetUtcNow() + _lifetime).ToUnixTimeSeconds());
        Span<byte> payload = stackalloc byte[PayloadLength];
        payload[0] = Format;
        BinaryPrimitives.WriteInt32BigEndian(payload[1..], articleId);
        BinaryPrimitives.WriteInt64BigEndian(payload[(1 + sizeof(int))..], expiresAt.ToUnixTimeSeconds());
        var token = Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(key, payload));
        return new PreviewToken(token, articleId, expiresAt.UtcDateTime);
    }

    /// <summary>The article <paramref name="token"/> opens; a GraphQL error with a preview code when it opens nothing.</summary>
    public int Open(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var key = RequireKey();
        Span<byte> payload = stackalloc byte[PayloadLength];
        Span<byte> signature = stackalloc byte[SignatureLength];
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxTokenLength
            || dot < 0
            || !TryDecode(token.AsSpan(0, dot), payload)
            || !TryDecode(token.AsSpan(dot + 1), signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(key, payload))
            || payload[0] != Format)
        {
            throw new ExecutionError("The preview token is not valid.") { Code = PreviewErrorCodes.InvalidToken };
        }

        var expiresAt = BinaryPrimitives.ReadInt64BigEndian(payload[(1 + sizeof(int))..]);
        if (_clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
        {
            throw new ExecutionError("The preview token has expired: ask for a new preview link.") { Code = PreviewErrorCodes.ExpiredToken };
        }

        return BinaryPrimitives.ReadInt32BigEndian(payload[1..]);
    }

    // Exactly destination's length of base64url; false for anything else (the decoder throws on characters outside the alphabet).
    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(text, destination, out var written) && written == destination.Length;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Sign(byte[] key, ReadOnlySpan<byte> payload)
    {
        var message = new byte[Purpose.Length + payload.Length];
        Purpose.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(Purpose.Length));
        return HMACSHA256.HashData(key, message);
    }

    private byte[] RequireKey() => _key ?? throw new ExecutionError(
        "Draft previews are not configured on this server: set Previews:SigningKey.")
    { Code = PreviewErrorCodes.NotConfigured };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Previews:SigningKey is not set: preview links are signed with a random key of this process and stop working when it restarts.")]
    private static partial void LogRandomKey(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Previews:SigningKey is not set: draft previews are off (createPreviewLink and articlePreview answer {Code}).")]
    private static partial void LogNoKey(ILogger logger, string code);
}
