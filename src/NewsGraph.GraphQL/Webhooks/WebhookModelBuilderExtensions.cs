using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Webhooks;

public static class WebhookModelBuilderExtensions
{
    /// <summary>The <see cref="WebhookEndpoint"/> and <see cref="WebhookDelivery"/> tables (add a migration after calling it).</summary>
    public static ModelBuilder AddWebhooks(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<WebhookEndpoint>(webhook =>
        {
            webhook.ToTable("Webhooks");
            webhook.HasKey(w => w.Id);
            webhook.Property(w => w.Url).HasMaxLength(WebhookAddressPolicy.MaxUrlLength).IsRequired();
            webhook.Property(w => w.Events).HasMaxLength(1000).IsRequired();
            webhook.Property(w => w.Secret).HasMaxLength(WebhookEndpoint.MaxSecretLength).IsRequired();
            webhook.Ignore(w => w.EventNames);
        });
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("WebhookDeliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedOnAdd();
            delivery.Property(d => d.EventId).HasMaxLength(100).IsRequired();
            delivery.Property(d => d.EventType).HasMaxLength(100).IsRequired();
            delivery.Property(d => d.OrderingKey).HasMaxLength(200).IsRequired();
            delivery.Property(d => d.Payload).IsRequired();
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);
            delivery.Property(d => d.LockedBy).HasMaxLength(100);
            // A webhook's log goes with it.
            delivery.HasOne(d => d.Webhook).WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
            delivery.HasIndex(d => new { d.WebhookId, d.EventId }).IsUnique();
            // The claim: due pending rows, the earlier pending row of the same subject, a webhook's live claims.
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
            delivery.HasIndex(d => new { d.WebhookId, d.OrderingKey, d.Status, d.Id });
            delivery.HasIndex(d => new { d.WebhookId, d.LockedUntil });
            // A webhook's log, newest first.
            delivery.HasIndex(d => new { d.WebhookId, d.Id });
        });
        return modelBuilder;
    }
}
