namespace NewsGraph.GraphQL.Ide;

/// <summary>One file of the IDE, embedded in this assembly.</summary>
/// <param name="ResourceName">The manifest resource holding the bytes.</param>
/// <param name="ContentType">The media type to serve it with.</param>
/// <param name="Immutable">
/// True for the content-hashed files under <c>static/</c>: a new IDE version gets new names, so browsers may
/// cache them forever. Everything else (index.html, the service worker) must be revalidated.
/// </param>
public sealed record BananaCakePopAsset(string ResourceName, string ContentType, bool Immutable);
