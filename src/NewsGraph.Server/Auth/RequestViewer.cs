using System.Security.Claims;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Auth;

/// <summary>
/// Who the operation of this DI scope runs for, and so what its database contexts show (<see cref="Show"/>), also for
/// code that has the scope but no resolver context (data loaders, node resolvers). Scoped: one per HTTP request, per
/// WebSocket operation and per subscription event, and each of those belongs to exactly one user, so the viewer is
/// decided once (<see cref="Identify"/>): at the start of every execution, or — in a subscription event's scope, which
/// the engine creates — by the first resolver that asks for a context or a loader. Unidentified means reader:
/// forgetting it can only hide drafts, never show them.
/// </summary>
public sealed class RequestViewer
{
    private readonly Lock _gate = new();
    private ClaimsPrincipal? _user;
    private bool _identified;

    public ClaimsPrincipal? User => _user;

    /// <summary>Editors and admins see drafts and archived articles; everyone else published articles only.</summary>
    public bool IncludeUnpublished => NewsRoles.IsEditor(_user);

    /// <summary>Fixes the scope's user; later calls must name the same one.</summary>
    /// <exception cref="InvalidOperationException">Another user was identified in this scope already.</exception>
    public void Identify(ClaimsPrincipal? user)
    {
        lock (_gate)
        {
            if (!_identified)
            {
                _user = user;
                _identified = true;
            }
            else if (!ReferenceEquals(_user, user))
            {
                throw new InvalidOperationException("A DI scope runs for one user; another user was identified in it already.");
            }
        }
    }

    /// <summary>Gives <paramref name="db"/> this viewer's visibility.</summary>
    public NewsDbContext Show(NewsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IncludeUnpublished ? db.WithUnpublished() : db;
    }
}
