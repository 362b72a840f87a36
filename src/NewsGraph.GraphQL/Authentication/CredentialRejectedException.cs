namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// An authentication failure whose message is safe to show the client (unlike a token validator's exception),
/// so <see cref="InvalidCredentialsMiddleware"/> can pass it on as it is.
/// </summary>
public sealed class CredentialRejectedException : Exception
{
    public CredentialRejectedException()
        : this(InvalidCredentialsMessages.InvalidAuthorization)
    {
    }

    public CredentialRejectedException(string message)
        : base(message)
    {
    }

    public CredentialRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
