using System.Security.Claims;

namespace NewsGraph.Server.Auth;

/// <summary>The roles of the newsroom. Readers have none: they are anonymous.</summary>
public static class NewsRoles
{
    public const string Editor = "editor";

    public const string Admin = "admin";

    /// <summary>
    /// Whether <paramref name="user"/> works in the newsroom and may therefore see drafts and archived articles.
    /// An admin may do everything an editor may.
    /// </summary>
    public static bool IsEditor(ClaimsPrincipal? user) =>
        user is not null
        && user.Identities.Any(i => i.IsAuthenticated)
        && (user.IsInRole(Editor) || user.IsInRole(Admin));
}
