using GraphQL.Types;

namespace NewsGraph.Server.Previews;

public sealed class PreviewLinkType : ObjectGraphType<PreviewLink>
{
    public PreviewLinkType()
    {
        Name = "PreviewLink";
        Description = "A link that shows one article, whatever its status, to anyone who has it, until it expires.";
        Field<NonNullGraphType<StringGraphType>, string>("token")
            .Description("Pass it to `articlePreview(token:)`. Signed: it opens this article only.")
            .Resolve(ctx => ctx.Source.Token.Token);
        Field<NonNullGraphType<DateTimeGraphType>, DateTime>("expiresAt")
            .Description("When the token stops working (Previews:Lifetime after it was made).")
            .Resolve(ctx => ctx.Source.Token.ExpiresAt);
        Field<NonNullGraphType<StringGraphType>, string>("url")
            .Description("The site's preview page with the token: `{Site:BaseUrl}preview?token=…`.")
            .Resolve(ctx => ctx.Source.Url.AbsoluteUri);
    }
}
