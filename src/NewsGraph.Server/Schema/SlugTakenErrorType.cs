using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

public sealed class SlugTakenErrorType : ErrorGraphType<SlugTakenError>
{
    public SlugTakenErrorType()
        : base("SlugTakenError", "The slug is already in use.")
    {
        Field<NonNullGraphType<StringGraphType>, string>("slug").Resolve(ctx => ctx.Source.Slug);
    }
}
