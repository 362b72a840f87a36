namespace NewsGraph.Server.Previews;

/// <summary>What <c>createPreviewLink</c> hands an editor: the token and the site's preview page with it.</summary>
public sealed record PreviewLink(PreviewToken Token, Uri Url);
