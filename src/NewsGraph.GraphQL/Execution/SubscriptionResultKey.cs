using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Security.Claims;
using System.Text;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// What makes two subscribers' results for the same source event interchangeable: the document text, the operation,
/// the variables and request extensions, and the user. The user part is deliberately conservative: anonymous
/// subscribers share among themselves; an authenticated user shares only with subscribers whose identities carry
/// exactly the same claims (authorization may depend on any of them). A value this class cannot write canonically
/// (an unknown variable type) means "do not share" rather than risking two different requests on one key.
/// </summary>
internal sealed class SubscriptionResultKey : IEquatable<SubscriptionResultKey>
{
    private readonly ReadOnlyMemory<char> _document;
    private readonly string _rest;
    private readonly int _hash;

    private SubscriptionResultKey(ReadOnlyMemory<char> document, string rest)
    {
        _document = document;
        _rest = rest;
        _hash = HashCode.Combine(string.GetHashCode(document.Span, StringComparison.Ordinal), rest.GetHashCode(StringComparison.Ordinal));
    }

    /// <summary>The key of a subscription, or null when its results must not be shared.</summary>
    public static SubscriptionResultKey? Create(ExecutionContext context)
    {
        var document = context.Document?.Source ?? default;
        if (document.IsEmpty)
        {
            return null;
        }

        var rest = new StringBuilder(128);
        // The operation is written by position as well as by name: a document may hold several anonymous ones only
        // if invalid, but the position costs nothing and removes any doubt.
        rest.Append("op:").Append(context.Operation?.Name?.StringValue ?? string.Empty)
            .Append('@').Append(context.Operation?.Location.Start.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var variable in context.Variables ?? [])
        {
            rest.Append("var:").Append(variable.Name).Append('=');
            if (!TryWriteValue(rest, variable.Value, depth: 0))
            {
                return null;
            }

            rest.Append('\n');
        }

        if (context.InputExtensions is { Count: > 0 } extensions)
        {
            rest.Append("ext:");
            if (!TryWriteValue(rest, extensions, depth: 0))
            {
                return null;
            }

            rest.Append('\n');
        }

        WriteUser(rest, context.User);
        return new SubscriptionResultKey(document, rest.ToString());
    }

    public bool Equals(SubscriptionResultKey? other)
        => other is not null
            && (ReferenceEquals(this, other)
                || (_hash == other._hash
                    && string.Equals(_rest, other._rest, StringComparison.Ordinal)
                    && _document.Span.SequenceEqual(other._document.Span)));

    public override bool Equals(object? obj) => Equals(obj as SubscriptionResultKey);

    public override int GetHashCode() => _hash;

    /// <summary>All claims of all authenticated identities, sorted, so the same user with the same token shares.</summary>
    private static void WriteUser(StringBuilder key, ClaimsPrincipal? user)
    {
        var identities = user?.Identities.Where(i => i.IsAuthenticated).ToList();
        if (identities is not { Count: > 0 })
        {
            key.Append("user:anonymous");
            return;
        }

        var claims = new List<string>();
        foreach (var identity in identities)
        {
            claims.Add("auth\u0001" + identity.AuthenticationType + "\u0001" + identity.NameClaimType + "\u0001" + identity.RoleClaimType);
            foreach (var claim in identity.Claims)
            {
                // Control characters separate the parts, so no claim value can imitate another claim.
                claims.Add(claim.Type + "\u0001" + claim.ValueType + "\u0001" + claim.Value + "\u0001" + claim.Issuer);
            }
        }

        claims.Sort(StringComparer.Ordinal);
        key.Append("user:");
        foreach (var claim in claims)
        {
            key.Append(claim.Length).Append(':').Append(claim).Append('\u0002');
        }
    }

    /// <summary>Writes a coerced value with its type, so 1 (int) and "1" (string) differ; false for unknown types.</summary>
    private static bool TryWriteValue(StringBuilder key, object? value, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        switch (value)
        {
            case null:
                key.Append("null");
                return true;
            case string s:
                // Length-prefixed, so no content can close the string early.
                key.Append('s').Append(s.Length).Append(':').Append(s);
                return true;
            case bool b:
                key.Append(b ? "true" : "false");
                return true;
            case Enum e:
                key.Append("enum:").Append(e.GetType().FullName).Append(':').Append(e.ToString());
                return true;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger
                or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid or Uri or char:
                key.Append(value.GetType().Name).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                if (value is DateTime dt)
                {
                    key.Append(':').Append(dt.Kind);
                }

                return true;
            case IEnumerable<KeyValuePair<string, object?>> map:
                key.Append('{');
                foreach (var (name, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    key.Append(name.Length).Append(':').Append(name).Append('=');
                    if (!TryWriteValue(key, item, depth + 1))
                    {
                        return false;
                    }

                    key.Append(',');
                }

                key.Append('}');
                return true;
            case IEnumerable list:
                key.Append('[');
                foreach (var item in list)
                {
                    if (!TryWriteValue(key, item, depth + 1))
                    {
                        return false;
                    }

                    key.Append(',');
                }

                key.Append(']');
                return true;
            default:
                return false;
        }
    }
}
