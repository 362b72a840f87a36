using GraphQL.Types;

namespace NewsGraph.Server.Authors;

/// <summary>The fields of the author mutations' input types (<c>CreateAuthorInput</c>, <c>UpdateAuthorInput</c>, ...).</summary>
internal static class AuthorInputs
{
    public static void Create(InputObjectGraphType input)
    {
        input.Field<NonNullGraphType<StringGraphType>>("name").Description("At most 200 characters.");
        input.Field<StringGraphType>("slug").Description("Generated from the name when left out (made unique with -2, -3, ...). Never changes afterwards.");
        input.Field<StringGraphType>("bio").Description("At most 2,000 characters.");
        input.Field<StringGraphType>("avatarUrl").Description("An absolute http(s) URL.");
    }

    public static void Update(InputObjectGraphType input)
    {
        Id(input);
        input.Field<StringGraphType>("name").Description("Left out: unchanged. The slug stays as it is, so links keep working.");
        input.Field<StringGraphType>("bio").Description("Left out: unchanged; null removes the bio.");
        input.Field<StringGraphType>("avatarUrl").Description("Left out: unchanged; null removes the avatar.");
    }

    public static void Id(InputObjectGraphType input) => input.Field<NonNullGraphType<IdGraphType>>("id");
}
