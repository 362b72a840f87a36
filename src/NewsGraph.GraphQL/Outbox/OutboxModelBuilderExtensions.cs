using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Outbox;

public static class OutboxModelBuilderExtensions
{
    /// <summary>The table of <see cref="OutboxMessage"/>s in an application's model (add a migration after calling it).</summary>
    public static ModelBuilder AddTopicEventOutbox(this ModelBuilder modelBuilder, string tableName = "OutboxMessages")
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable(tableName);
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).ValueGeneratedOnAdd();
            message.Property(m => m.Topic).HasMaxLength(200).IsRequired();
            message.Property(m => m.Payload).IsRequired();
            message.Property(m => m.LockedBy).HasMaxLength(100);
        });
        return modelBuilder;
    }
}
