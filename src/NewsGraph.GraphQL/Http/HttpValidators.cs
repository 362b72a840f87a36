using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// The validators of a representation the server computes (RFC 9110 §8.8): a strong <c>ETag</c> derived from
/// everything the representation is made of, and the time it last changed for <c>Last-Modified</c>.
/// </summary>
public sealed class HttpValidators
{
    private HttpValidators(EntityTagHeaderValue entityTag, DateTimeOffset? lastModified)
    {
        EntityTag = entityTag;
        LastModified = lastModified;
    }

    public EntityTagHeaderValue EntityTag { get; }

    /// <summary>Whole seconds, as HTTP dates carry them (a finer time would never compare equal to If-Modified-Since).</summary>
    public DateTimeOffset? LastModified { get; }

    /// <summary>Starts a fingerprint: add every value the representation depends on, then <see cref="Builder.Build"/>.</summary>
    public static Builder Fingerprint() => new();

    /// <summary>
    /// Hashes what it is given (SHA-256, length-prefixed so no two sequences of values collide by concatenation)
    /// into an opaque strong entity tag.
    /// </summary>
    public sealed class Builder
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private DateTimeOffset? _lastModified;

        public Builder Add(string? value)
        {
            var bytes = value is null ? [] : Encoding.UTF8.GetBytes(value);
            Add(value is null ? -1L : bytes.Length);
            _hash.AppendData(bytes);
            return this;
        }

        public Builder Add(long value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(long)];
            BitConverter.TryWriteBytes(bytes, value);
            _hash.AppendData(bytes);
            return this;
        }

        /// <summary>Adds a change time and keeps the latest one seen as the Last-Modified time.</summary>
        public Builder AddChange(DateTimeOffset changedAt)
        {
            Add(changedAt.UtcTicks);
            if (_lastModified is not { } latest || changedAt > latest)
            {
                _lastModified = changedAt;
            }

            return this;
        }

        public HttpValidators Build()
        {
            var digest = _hash.GetHashAndReset();
            _hash.Dispose();
            // 128 bits are plenty to tell versions apart; base64url keeps the tag free of characters a quoted string forbids.
            var tag = Convert.ToBase64String(digest, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var lastModified = _lastModified is { } changed
                ? new DateTimeOffset(changed.UtcTicks - (changed.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
                : (DateTimeOffset?)null;
            return new HttpValidators(new EntityTagHeaderValue($"\"{tag}\"", isWeak: false), lastModified);
        }
    }
}
