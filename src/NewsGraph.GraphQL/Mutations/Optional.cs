using System.Diagnostics.CodeAnalysis;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// A field of a partial update: left out (<see cref="HasValue"/> false: leave it alone) or sent, possibly as null
/// ("remove the summary"). A plain nullable cannot tell the two apart.
/// </summary>
[SuppressMessage("Naming", "CA1716", Justification = "Hot Chocolate's name for the same idea; no Visual Basic consumers.")]
public readonly record struct Optional<T>
{
    public Optional(T value)
    {
        Value = value;
        HasValue = true;
    }

    /// <summary>Whether the client sent the field.</summary>
    public bool HasValue { get; }

    /// <summary>What the client sent; the default of <typeparamref name="T"/> when it was left out.</summary>
    public T Value { get; }

    /// <summary>The field was left out.</summary>
    public static Optional<T> Unset => default;

    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Named alternative of the implicit conversion.</summary>
    public static Optional<T> FromValue(T value) => new(value);
}
