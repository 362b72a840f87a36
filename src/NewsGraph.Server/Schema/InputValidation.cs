using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

/// <summary>
/// Field checks shared by the mutations. Each adds a <see cref="ValidationError"/> naming the input field, so a
/// client can show every problem of a form at once.
/// </summary>
internal static class InputValidation
{
    /// <summary>Markdown bodies longer than this are refused: a long read is ~10,000 words (~60,000 characters).</summary>
    public const int BodyMaxLength = 200_000;

    public static void RequiredText(List<ValidationError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(field, $"`{field}` must not be empty."));
        }
        else
        {
            MaxLength(errors, field, value, maxLength);
        }
    }

    public static void MaxLength(List<ValidationError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new ValidationError(field, $"`{field}` is {value.Length} characters long; at most {maxLength} are allowed."));
        }
    }

    /// <summary>Absolute http(s) URLs only: anything else (javascript:, data:, relative paths) would end up in an href or src.</summary>
    public static void Url(List<ValidationError> errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > NewsDbContext.UrlMaxLength)
        {
            errors.Add(new ValidationError(field, $"`{field}` is longer than {NewsDbContext.UrlMaxLength} characters."));
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(new ValidationError(field, $"`{field}` must be an absolute http or https URL."));
        }
    }

    /// <summary>
    /// A slug the client chose: must already be canonical (lower-case ASCII words joined by hyphens), so that what
    /// the client sent is exactly what the URL will be.
    /// </summary>
    public static void Slug(List<ValidationError> errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0)
        {
            errors.Add(new ValidationError(field, $"`{field}` must not be empty."));
        }
        else if (value.Length > Slugs.MaxLength || !Slugs.IsCanonical(value))
        {
            errors.Add(new ValidationError(field, $"`{field}` must be lower-case letters and digits joined by single hyphens, at most {Slugs.MaxLength} characters (e.g. `{Slugs.From(value)}`)."));
        }
    }

    /// <summary>A slug generated from <paramref name="text"/> must have something in it.</summary>
    public static void SluggableText(List<ValidationError> errors, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && Slugs.From(text).Length == 0)
        {
            errors.Add(new ValidationError(field, $"`{field}` has no letters or digits to make a slug from; send a `slug`."));
        }
    }

    public static void DistinctIds(List<ValidationError> errors, string field, IReadOnlyList<int>? ids)
    {
        if (ids is not null && ids.Distinct().Count() != ids.Count)
        {
            errors.Add(new ValidationError(field, $"`{field}` lists the same ID more than once."));
        }
    }
}
