using System.Net.Http.Headers;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>Who a test request is sent as: the headers it carries.</summary>
public sealed record Viewer(string Name, Action<HttpRequestHeaders> Authorize)
{
    public static Viewer Anonymous { get; } = new("anonymous", _ => { });

    public static Viewer EditorApiKey { get; } = new("editor (X-Api-Key)", h => h.Add("X-Api-Key", TestCredentials.EditorKey));

    public static Viewer EditorApiKeyAuthorization { get; } =
        new("editor (Authorization: ApiKey)", h => h.Authorization = new AuthenticationHeaderValue("ApiKey", TestCredentials.EditorKey));

    public static Viewer AdminApiKey { get; } = new("admin (X-Api-Key)", h => h.Add("X-Api-Key", TestCredentials.AdminKey));

    public static Viewer NoRoleApiKey { get; } = new("key without role", h => h.Add("X-Api-Key", TestCredentials.NoRoleKey));

    public static Viewer EditorJwt { get; } =
        new("editor (JWT)", h => h.Authorization = new AuthenticationHeaderValue("Bearer", TestCredentials.EditorJwt()));

    public static Viewer EditorJwtRolesArray { get; } =
        new("editor (JWT roles[])", h => h.Authorization = new AuthenticationHeaderValue("Bearer", TestCredentials.Jwt(["newsletter", "editor"], "roles")));

    public static Viewer ReaderJwt { get; } =
        new("JWT without role", h => h.Authorization = new AuthenticationHeaderValue("Bearer", TestCredentials.Jwt([])));

    public bool IsEditor => this == EditorApiKey || this == EditorApiKeyAuthorization || this == AdminApiKey || this == EditorJwt || this == EditorJwtRolesArray;

    public override string ToString() => Name;

    public static Viewer ByName(string name) => name switch
    {
        "anonymous" => Anonymous,
        "apikey" => EditorApiKey,
        "apikey-authorization" => EditorApiKeyAuthorization,
        "admin" => AdminApiKey,
        "norole" => NoRoleApiKey,
        "jwt" => EditorJwt,
        "jwt-roles" => EditorJwtRolesArray,
        "jwt-norole" => ReaderJwt,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
