namespace NewsGraph.GraphQL.Ide;

/// <summary>
/// What a browser gets when the build could not fetch the IDE from npm: the build must not fail for want of
/// Node.js, but whoever opens the page should learn what to do.
/// </summary>
internal static class BananaCakePopMissingPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Banana Cake Pop is not installed</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
        <h1>Banana Cake Pop is not part of this build</h1>
        <p>The GraphQL endpoint works; only the IDE is missing. Its files come from the npm package
        <code>@chillicream/bananacakepop-graphql-ide</code>, which the build downloads with <code>npm</code>,
        and <code>npm</code> was not available (or failed) when this server was built.</p>
        <p>To get the IDE: install <a href="https://nodejs.org/">Node.js</a> (it brings <code>npm</code>),
        then rebuild (<code>dotnet build</code>) and restart the server.</p>
        <p>Meanwhile, query the API with any GraphQL client: <code>POST</code> JSON to this URL, or
        <code>GET ?sdl</code> for the schema.</p>
        </body>
        </html>
        """;
}
