namespace NewsGraph.GraphQL.Mutations;

/// <summary>What a mutation resolver returns: the changed object, or the domain errors that stopped the change.</summary>
public sealed class MutationResult<T>
    where T : class
{
    private MutationResult(T? value, IReadOnlyList<IMutationError>? errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The payload's object field; null when the mutation failed.</summary>
    public T? Value { get; }

    /// <summary>The payload's <c>errors</c>; null (not empty) on success, as Hot Chocolate answers.</summary>
    public IReadOnlyList<IMutationError>? Errors { get; }

    public static MutationResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new MutationResult<T>(value, null);
    }

    public static MutationResult<T> Failure(IEnumerable<IMutationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failed mutation needs at least one error.", nameof(errors));
        }

        return new MutationResult<T>(null, list);
    }

    public static MutationResult<T> Failure(params IMutationError[] errors) => Failure((IEnumerable<IMutationError>)errors);

    public static implicit operator MutationResult<T>(T value) => Success(value);
}
