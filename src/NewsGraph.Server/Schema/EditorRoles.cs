namespace NewsGraph.Server.Schema;

/// <summary>The roles that may change content: every mutation field requires one of them.</summary>
internal static class EditorRoles
{
    public static readonly string[] All = ["editor", "admin"];
}
