namespace NewsGraph.GraphQL.Http;

/// <summary>Which browser origins may call the GraphQL endpoint (the <c>Cors</c> configuration section).</summary>
public sealed class GraphQLCorsOptions
{
    /// <summary>
    /// Origins such as <c>https://www.example.com</c>; <c>*</c> allows any origin. Null or empty means
    /// "not configured", and the caller's default applies (any origin in development, none otherwise).
    /// </summary>
    public IList<string>? AllowedOrigins { get; set; }

    /// <summary>Let browsers send cookies and authorization headers cross-origin. Only valid with explicit origins.</summary>
    public bool AllowCredentials { get; set; }
}
