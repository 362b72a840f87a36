namespace NewsGraph.Server.Tests.Auth;

/// <summary>
/// One credential as a client sends it: an <c>Authorization</c> value and/or an <c>X-Api-Key</c> value (null: not
/// sent), and what the server must make of it on every transport. Over a WebSocket <c>connection_init</c> the same
/// values travel as the payload's <c>authorization</c> and <c>apiKey</c> fields.
/// </summary>
public sealed record CredentialCase(string Name, string? Authorization, string? ApiKey, CredentialOutcome Outcome)
{
    public override string ToString() => Name;

    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        if (Authorization is not null)
        {
            yield return new("Authorization", Authorization);
        }

        if (ApiKey is not null)
        {
            yield return new("X-Api-Key", ApiKey);
        }
    }
}
