using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Composition;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Webhooks;
using NewsGraph.Server.Auth;
using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Webhooks;

/// <summary>The webhook fields of the mutation root: admins only.</summary>
internal sealed class WebhookMutations(WebhookAddressPolicy addresses, WebhookDeliveryOptions options) : IMutationFields
{
    private static readonly Type[] CreateErrors = [typeof(ValidationErrorType)];
    private static readonly Type[] DeleteErrors = [typeof(NotFoundErrorType)];

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddMutationField<WebhookType, WebhookEndpoint, CreateWebhookInputType, CreateWebhookInput>("createWebhook", "webhook", CreateErrors, CreateAsync,
            "Registers an endpoint for article events (admins only). The secret is not returned, now or later.").AuthorizeWithRoles(NewsRoles.Admin);
        mutation.AddMutationField<WebhookType, WebhookEndpoint, DeleteWebhookInputType, DeleteWebhookInput>("deleteWebhook", "webhook", DeleteErrors, DeleteAsync,
            "Deletes an endpoint and its delivery log; what is pending for it is not sent (admins only).").AuthorizeWithRoles(NewsRoles.Admin);
    }

    private async Task<MutationResult<WebhookEndpoint>> CreateAsync(IResolveFieldContext ctx, CreateWebhookInput input)
    {
        var errors = new List<ValidationError>();
        if (await addresses.CheckAsync(input.Url, ctx.CancellationToken) is { } problem)
        {
            errors.Add(new ValidationError("url", $"`url` {problem}"));
        }

        if (input.Events.Count == 0)
        {
            errors.Add(new ValidationError("events", "`events` must name at least one event."));
        }
        else if (input.Events.Distinct().Count() != input.Events.Count)
        {
            errors.Add(new ValidationError("events", "`events` names an event more than once."));
        }

        if (input.Secret.Length is < WebhookEndpoint.MinSecretLength or > WebhookEndpoint.MaxSecretLength)
        {
            errors.Add(new ValidationError("secret", $"`secret` must be {WebhookEndpoint.MinSecretLength} to {WebhookEndpoint.MaxSecretLength} characters long."));
        }

        if (errors.Count > 0)
        {
            return MutationResult<WebhookEndpoint>.Failure(errors);
        }

        await using var db = await ctx.CreateNewsDbContextAsync();
        // Two admins registering the last free place at once may both get it: the bound is against accidents, not a quota.
        if (await db.Set<WebhookEndpoint>().CountAsync(ctx.CancellationToken) >= options.MaxWebhooks)
        {
            return MutationResult<WebhookEndpoint>.Failure(new ValidationError("url", $"At most {options.MaxWebhooks} webhooks may be registered; delete one first."));
        }

        var webhook = new WebhookEndpoint
        {
            Url = input.Url,
            Events = string.Join(',', input.Events.Select(WebhookEventNames.Of)),
            Secret = input.Secret,
            CreatedAt = ctx.Now(),
        };
        db.Add(webhook);
        await db.SaveChangesAsync(ctx.CancellationToken);
        return webhook;
    }

    private static async Task<MutationResult<WebhookEndpoint>> DeleteAsync(IResolveFieldContext ctx, DeleteWebhookInput input)
    {
        var (globalId, id) = NodeReference.Decode(input.Id, WebhookType.TypeName);
        await using var db = await ctx.CreateNewsDbContextAsync();
        var webhook = await db.Set<WebhookEndpoint>().AsTracking().FirstOrDefaultAsync(w => w.Id == id, ctx.CancellationToken);
        if (webhook is null)
        {
            return MutationResult<WebhookEndpoint>.Failure(new NotFoundError(globalId, $"No webhook has the ID `{globalId}`."));
        }

        // The delivery log goes with it (cascade).
        db.Remove(webhook);
        try
        {
            await db.SaveChangesAsync(ctx.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MutationResult<WebhookEndpoint>.Failure(new NotFoundError(globalId, $"No webhook has the ID `{globalId}` any more."));
        }

        return webhook;
    }
}
