using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

public sealed class ConcurrencyConflictErrorType : ErrorGraphType<ConcurrencyConflictError>
{
    public ConcurrencyConflictErrorType()
        : base("ConcurrencyConflictError", "Someone else changed the entity since you read it; nothing was written.")
    {
        Field<NonNullGraphType<IntGraphType>, int>("currentVersion")
            .Description("The version now stored: read the entity again, reapply the change and send this version.")
            .Resolve(ctx => ctx.Source.CurrentVersion);
    }
}
