using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// Builds mutation fields in Hot Chocolate's mutation conventions:
/// <c>xyz(input: XyzInput!): XyzPayload!</c>, <c>type XyzPayload { entity: Entity errors: [XyzError!] }</c> and
/// <c>union XyzError = A | B</c> of error types implementing <c>Error</c>.
/// </summary>
public static class MutationFieldBuilderExtensions
{
    private const string InputArgument = "input";

    /// <summary>
    /// A mutation whose input is bound to <typeparamref name="TInput"/> by <typeparamref name="TInputGraphType"/>
    /// (which declares its fields; the builder names it <c>XyzInput</c> after the field, so one input type can serve
    /// several fields).
    /// </summary>
    /// <param name="root">The mutation root type.</param>
    /// <param name="name">The field name, e.g. <c>createArticle</c>; the types are named after it.</param>
    /// <param name="payloadField">The payload's object field, e.g. <c>article</c>.</param>
    /// <param name="errorTypes">Object graph types deriving from <see cref="ErrorGraphType{TError}"/>; none means no <c>errors</c> field.</param>
    /// <param name="resolve">Performs the mutation; domain errors come back in the result, not as exceptions.</param>
    /// <param name="description">The field's description.</param>
    public static FieldType AddMutationField<TObjectGraphType, TObject, TInputGraphType, TInput>(
        this ObjectGraphType root,
        string name,
        string payloadField,
        IReadOnlyList<Type> errorTypes,
        Func<IResolveFieldContext, TInput, Task<MutationResult<TObject>>> resolve,
        string? description = null)
        where TObjectGraphType : IGraphType
        where TObject : class
        where TInputGraphType : InputObjectGraphType<TInput>, new()
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return AddField<TObjectGraphType, TObject>(root, name, payloadField, new TInputGraphType(), errorTypes, description, async ctx =>
            await resolve(ctx, ctx.GetArgument<TInput>(InputArgument)).ConfigureAwait(false));
    }

    private static FieldType AddField<TObjectGraphType, TObject>(
        ObjectGraphType root,
        string name,
        string payloadField,
        IInputObjectGraphType input,
        IReadOnlyList<Type> errorTypes,
        string? description,
        Func<IResolveFieldContext, Task<MutationResult<TObject>>> resolve)
        where TObjectGraphType : IGraphType
        where TObject : class
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(payloadField);
        ArgumentNullException.ThrowIfNull(errorTypes);

        var typePrefix = char.ToUpperInvariant(name[0]) + name[1..];
        input.Name = typePrefix + "Input";

        var payload = new ObjectGraphType<MutationResult<TObject>> { Name = typePrefix + "Payload" };
        payload.Field<TObjectGraphType, TObject>(payloadField).Resolve(ctx => ctx.Source.Value);
        if (errorTypes.Count > 0)
        {
            var union = new UnionGraphType { Name = typePrefix + "Error" };
            foreach (var errorType in errorTypes)
            {
                union.Type(errorType);
            }

            payload.AddField(new FieldType
            {
                Name = "errors",
                ResolvedType = new ListGraphType(new NonNullGraphType(union)),
                Resolver = new FuncFieldResolver<MutationResult<TObject>, IReadOnlyList<IMutationError>?>(ctx => ctx.Source.Errors),
            });
        }

        var field = new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(input)) { Name = InputArgument }),
            Resolver = new FuncFieldResolver<object?>(async ctx => await resolve(ctx).ConfigureAwait(false)),
        };
        root.AddField(field);
        return field;
    }
}
