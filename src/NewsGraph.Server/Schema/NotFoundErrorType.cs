using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

public sealed class NotFoundErrorType : ErrorGraphType<NotFoundError>
{
    public NotFoundErrorType()
        : base("NotFoundError", "Nothing has the given ID.")
    {
        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(ctx => ctx.Source.Id);
    }
}
