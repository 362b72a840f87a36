using System.Security.Claims;

namespace NewsGraph.Server.Auth;

/// <summary>
/// Who the operation of this DI scope runs for, for code that has the scope but no resolver context (data loaders,
/// node resolvers). Scoped: one per HTTP request, per WebSocket operation and per subscription event, and each of
/// those belongs to exactly one user. Set at the start of every execution and again by every resolver that asks for a
/// database context or a loader, because a subscription event's scope is created by the engine, not by a transport.
/// Unset means reader: forgetting to set it can only hide drafts, never show them.
/// </summary>
public sealed class RequestViewer
{
    private volatile ClaimsPrincipal? _user;

    public ClaimsPrincipal? User
    {
        get => _user;
        set => _user = value;
    }

    public bool IncludeUnpublished => NewsRoles.IsEditor(_user);
}
