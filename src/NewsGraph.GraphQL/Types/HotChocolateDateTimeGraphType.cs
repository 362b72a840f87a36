using System.Globalization;
using System.Text.RegularExpressions;
using GraphQL.Types;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Introspection;

namespace NewsGraph.GraphQL.Types;

/// <summary>
/// Hot Chocolate's <c>DateTime</c> scalar: outputs UTC as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (an
/// <see cref="DateTimeKind.Unspecified"/> value is taken to be UTC, as EF Core + SQLite returns them) and
/// accepts only ISO-8601 strings with an explicit offset, returned as a UTC <see cref="DateTime"/>.
/// Replaces the built-in scalar when registered in DI as <see cref="DateTimeGraphType"/>. Specified by
/// <see cref="SpecifiedByUrl"/> as Hot Chocolate's is, so its schema must be a <see cref="CompleteIntrospectionSchema"/>.
/// </summary>
public sealed partial class HotChocolateDateTimeGraphType : DateTimeGraphType
{
    public const string SpecifiedByUrl = "https://www.graphql-scalars.com/date-time";

    public HotChocolateDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "The `DateTime` scalar represents an ISO-8601 compliant date time type.";
        this.SpecifiedBy(SpecifiedByUrl);
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => ParseText(text.Value.ToString()),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => ParseText(text),
        DateTime dateTime => AsUtc(dateTime),
        DateTimeOffset offset => offset.UtcDateTime,
        _ => ThrowValueConversionError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => true,
        GraphQLStringValue text => TryParseText(text.Value.ToString(), out _),
        _ => false,
    };

    public override bool CanParseValue(object? value) => value switch
    {
        null or DateTime or DateTimeOffset => true,
        string text => TryParseText(text, out _),
        _ => false,
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTime dateTime => Format(AsUtc(dateTime)),
        DateTimeOffset offset => Format(offset.UtcDateTime),
        _ => ThrowSerializationError(value),
    };

    public override GraphQLValue ToAST(object? value) => Serialize(value) is string text
        ? new GraphQLStringValue(text)
        : new GraphQLNullValue();

    private static string Format(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private DateTime ParseText(string text) => TryParseText(text, out var result)
        ? result
        : (DateTime)ThrowValueConversionError(text)!;

    private static bool TryParseText(string text, out DateTime result)
    {
        result = default;
        if (!IsoWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        result = parsed.UtcDateTime;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
