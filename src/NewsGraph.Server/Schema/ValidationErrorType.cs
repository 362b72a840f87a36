using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Server.Schema;

public sealed class ValidationErrorType : ErrorGraphType<ValidationError>
{
    public ValidationErrorType()
        : base("ValidationError", "An input field was invalid.")
    {
        Field<NonNullGraphType<StringGraphType>, string>("field")
            .Description("The input field, as named in the input type (e.g. `title`, `tagIds`).")
            .Resolve(ctx => ctx.Source.Field);
    }
}
