using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Introspection;

/// <summary>
/// Hand-written: the introspection fields GraphQL.NET 8.8.5 lacks, added to its own introspection types before the
/// schema initializes them (so they are typed, wrapped and served like the built-in fields):
/// <list type="bullet">
/// <item><c>__Type.specifiedByURL</c> (October 2021 spec): the scalar's <c>@specifiedBy</c> URL.</item>
/// <item><c>includeDeprecated: Boolean = false</c> on <c>__Directive.args</c>. GraphQL.NET's input value deprecation
/// switch adds it to <c>__Field.args</c> and <c>__Type.inputFields</c> and adds <c>__InputValue.isDeprecated</c>, but
/// not this one; clients that see the rest (graphql-js's <c>inputValueDeprecation</c>, Banana Cake Pop) ask for it
/// and their introspection fails without it.</item>
/// </list>
/// Replacing the introspection types is not possible (SchemaTypes creates them privately), and these additions need
/// nothing else.
/// </summary>
public static class IntrospectionTypeCompletion
{
    public const string SpecifiedByUrlFieldName = "specifiedByURL";
    public const string IncludeDeprecatedArgumentName = "includeDeprecated";

    /// <summary>Completes <paramref name="graphType"/> if it is one of the introspection types above; else does nothing.</summary>
    public static void Complete(IGraphType graphType)
    {
        switch (graphType)
        {
            case __Type type:
                AddSpecifiedByUrl(type);
                break;
            case __Directive directive:
                AddIncludeDeprecatedToArgs(directive);
                break;
        }
    }

    private static void AddSpecifiedByUrl(__Type type)
    {
        if (type.HasField(SpecifiedByUrlFieldName))
        {
            return;
        }

        type.AddField(new FieldType
        {
            Name = SpecifiedByUrlFieldName,
            Type = typeof(StringGraphType),
            Resolver = new FuncFieldResolver<IGraphType, string?>(
                context => context.Source is ScalarGraphType scalar ? scalar.GetSpecifiedByUrl() : null),
        });
    }

    private static void AddIncludeDeprecatedToArgs(__Directive directive)
    {
        var args = directive.GetField("args")
            ?? throw new InvalidOperationException("GraphQL.NET's __Directive has no 'args' field.");
        if (args.Arguments?.Find(IncludeDeprecatedArgumentName) is not null)
        {
            return;
        }

        args.Arguments ??= new QueryArguments();
        args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = IncludeDeprecatedArgumentName, DefaultValue = false });
        args.Resolver = new FuncFieldResolver<Directive, IEnumerable<QueryArgument>>(context =>
        {
            var arguments = (IEnumerable<QueryArgument>?)context.Source.Arguments ?? [];
            return context.GetArgument(IncludeDeprecatedArgumentName, false)
                ? arguments
                : arguments.Where(argument => string.IsNullOrWhiteSpace(argument.DeprecationReason));
        });
    }
}
