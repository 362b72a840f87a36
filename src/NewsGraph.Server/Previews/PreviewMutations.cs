using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Schema;
using NewsGraph.Server.Site;

namespace NewsGraph.Server.Previews;

/// <summary><c>createPreviewLink</c>: an editor's signed, expiring link to a draft.</summary>
internal sealed class PreviewMutations : IMutationFields
{
    private static readonly Type[] Errors = [typeof(NotFoundErrorType)];

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<PreviewLinkType, PreviewLink, CreatePreviewLinkInputType, CreatePreviewLinkInput>("createPreviewLink", "previewLink", Errors, CreateAsync,
            "A signed link that shows the article, whatever its status, to anyone who has it until it expires (`articlePreview`).")
            .AuthorizeWithRoles(EditorRoles.All);
    }

    private static async Task<MutationResult<PreviewLink>> CreateAsync(IResolveFieldContext ctx, CreatePreviewLinkInput input)
    {
        var id = NodeReference.Decode(input.Id, ArticleType.TypeName);
        await using var db = await ctx.CreateNewsDbContextAsync();
        if (!await db.Articles.AnyAsync(a => a.Id == id.Id, ctx.CancellationToken))
        {
            return MutationResult<PreviewLink>.Failure(new NotFoundError(input.Id, $"No article has the ID `{input.Id}`."));
        }

        var services = ctx.RequestServices!;
        var token = services.GetRequiredService<PreviewTokens>().Create(id.Id);
        return new PreviewLink(token, services.GetRequiredService<SiteLinks>().Resolve("preview?token=" + token.Token));
    }
}
