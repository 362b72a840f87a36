using System.Globalization;
using System.Linq.Expressions;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// A base for a mutation's input type bound to the record <typeparamref name="TInput"/> (for
/// <see cref="MutationFieldBuilderExtensions.AddMutationField{TObjectGraphType, TObject, TInputGraphType, TInput}"/>):
/// fields are declared from the record's properties, so nothing names them twice. Fields of a partial update are
/// <see cref="Optional{T}"/> properties declared with <see cref="OptionalField{TValue}"/>, so that a field left out
/// stays unset while a field sent as null is set to null (the engine alone would turn both into the default) without
/// a hand-written <c>ParseDictionary</c>.
/// </summary>
public class MutationInputGraphType<TInput> : InputObjectGraphType<TInput>
{
    // Keyed by the field, not its name: the schema's name converter renames it (Subtitle -> subtitle) when it initializes.
    private readonly List<(FieldType Field, object SetToNull)> _optionalFields = [];

    /// <summary>
    /// A field bound to an <see cref="Optional{T}"/> property: set (possibly to null) when the client sent it, unset
    /// otherwise. <paramref name="graphType"/> is the field's GraphQL type, e.g. <c>typeof(StringGraphType)</c>.
    /// </summary>
    public FieldBuilder<TInput, Optional<TValue>> OptionalField<TValue>(Expression<Func<TInput, Optional<TValue>>> property, Type graphType)
    {
        var field = Field(property, type: graphType);
        // The engine parses each value that was sent and is not null through the field's parser...
        field.FieldType.Parser = value => new Optional<TValue>(ConvertValue<TValue>(value));
        // ...and hands a null over as it is, which would become the default (unset) in the record.
        _optionalFields.Add((field.FieldType, new Optional<TValue>(default!)));
        return field;
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_optionalFields.Exists(optional => value.TryGetValue(optional.Field.Name, out var sent) && sent is null))
        {
            return base.ParseDictionary(value);
        }

        var fields = new Dictionary<string, object?>(value, StringComparer.Ordinal);
        foreach (var (field, setToNull) in _optionalFields)
        {
            if (fields.TryGetValue(field.Name, out var sent) && sent is null)
            {
                fields[field.Name] = setToNull;
            }
        }

        return base.ParseDictionary(fields);
    }

    private static TValue ConvertValue<TValue>(object value) => value switch
    {
        TValue typed => typed,
        // An ID sent as a number literal is still an ID: its text.
        _ when typeof(TValue) == typeof(string) => (TValue)(object)Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => (TValue)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue), CultureInfo.InvariantCulture),
    };
}
