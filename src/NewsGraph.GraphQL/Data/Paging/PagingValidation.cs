using GraphQL;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Validates Relay arguments into a <see cref="PageWindow"/>, throwing client-facing <see cref="ExecutionError"/>s.</summary>
public static class PagingValidation
{
    /// <param name="arguments">The field's paging arguments.</param>
    /// <param name="options">Page size limits.</param>
    /// <param name="coordinate">Optional schema coordinate (e.g. <c>Query.books</c>) added to HC0051 errors as HC does.</param>
    public static PageWindow Validate(PagingArguments arguments, PagingOptions options, string? coordinate = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(options);

        if (arguments.First is not null && arguments.Last is not null)
        {
            throw new ExecutionError("Pass either `first` or `last`, not both.") { Code = PagingErrorCodes.FirstAndLast };
        }

        var backward = arguments.Last is not null;
        var requested = arguments.First ?? arguments.Last;
        if (requested < 0)
        {
            throw new ExecutionError($"`{(backward ? "last" : "first")}` must be zero or positive, but was {requested}.")
            {
                Code = PagingErrorCodes.NegativeCount,
            };
        }

        if (requested > options.MaxPageSize)
        {
            var error = new ExecutionError("The maximum allowed items per page were exceeded.") { Code = PagingErrorCodes.MaxPageSizeExceeded };
            if (coordinate is not null)
            {
                error.AddExtension("coordinate", coordinate);
            }

            error.AddExtension("requestedItems", requested.Value);
            error.AddExtension("maxAllowedItems", options.MaxPageSize);
            throw error;
        }

        return new PageWindow(requested ?? options.DefaultPageSize, backward);
    }
}
