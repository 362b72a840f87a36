using GraphQL.Types;

namespace NewsGraph.Server.Seo;

public sealed class ArticleSeoType : ObjectGraphType<ArticleSeo>
{
    public ArticleSeoType()
    {
        Name = "ArticleSeo";
        Description = "The article page's metadata for search engines and link previews; every URL is absolute, built from Site:BaseUrl.";
        Field(s => s.Title).Description("The page title: the article's title and the site's name.");
        Field(s => s.Description).Description("The summary, or the start of the body as plain text (at most 160 characters).");
        Field<NonNullGraphType<StringGraphType>, string>("canonicalUrl")
            .Description("The article's canonicalUrl when it was first published elsewhere, otherwise its page on this site.")
            .Resolve(ctx => ctx.Source.CanonicalUrl.AbsoluteUri);
        Field<NonNullGraphType<OpenGraphType>, OpenGraph>("openGraph").Resolve(ctx => ctx.Source.OpenGraph);
        Field(s => s.JsonLd)
            .Description("A schema.org NewsArticle as JSON, with <, > and & escaped: safe to put inside <script type=\"application/ld+json\"> as is.");
    }
}

public sealed class OpenGraphType : ObjectGraphType<OpenGraph>
{
    public OpenGraphType()
    {
        Name = "OpenGraph";
        Description = "Open Graph properties (og:title, og:description, og:image, og:type, og:url).";
        Field(o => o.Title);
        Field(o => o.Description);
        Field(o => o.Image, nullable: true).Description("The hero image, if the article has one.");
        Field(o => o.Type).Description("Always `article`.");
        Field<NonNullGraphType<StringGraphType>, string>("url").Resolve(ctx => ctx.Source.Url.AbsoluteUri);
    }
}
