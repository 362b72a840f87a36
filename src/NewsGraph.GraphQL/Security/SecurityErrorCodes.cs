namespace NewsGraph.GraphQL.Security;

/// <summary>
/// <c>extensions.code</c> of the limit errors. Hot Chocolate's codes where it has one (HC0045-HC0047);
/// our own names for the limits Hot Chocolate does not have or reports without a code.
/// </summary>
public static class SecurityErrorCodes
{
    /// <summary>The request exceeded the configured timeout (Hot Chocolate's <c>ErrorCodes.Execution.Timeout</c>).</summary>
    public const string Timeout = "HC0045";

    /// <summary>Introspection is not allowed (Hot Chocolate's <c>ErrorCodes.Validation.IntrospectionNotAllowed</c>).</summary>
    public const string IntrospectionNotAllowed = "HC0046";

    /// <summary>Field or type cost exceeded (Hot Chocolate's <c>ErrorCodes.Execution.CostExceeded</c>).</summary>
    public const string CostExceeded = "HC0047";

    /// <summary>Execution depth exceeded (Hot Chocolate reports this one without a code).</summary>
    public const string MaxExecutionDepthExceeded = "MAX_EXECUTION_DEPTH_EXCEEDED";

    /// <summary>The operation selects too many fields once its fragments are spread in.</summary>
    public const string MaxFieldSelectionsExceeded = "MAX_FIELD_SELECTIONS_EXCEEDED";

    /// <summary>Too many aliases in the document.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    /// <summary>The document nests deeper than the parser's recursion limit.</summary>
    public const string MaxParserDepthExceeded = "MAX_PARSER_DEPTH_EXCEEDED";

    /// <summary>The document text is longer than allowed.</summary>
    public const string MaxDocumentLengthExceeded = "MAX_DOCUMENT_LENGTH_EXCEEDED";

    /// <summary>A <c>where</c> argument nests its objects deeper than allowed.</summary>
    public const string MaxFilterDepthExceeded = "MAX_FILTER_DEPTH_EXCEEDED";

    /// <summary>A <c>where</c> argument has more fields (and <c>and</c>/<c>or</c> elements) than allowed.</summary>
    public const string MaxFilterFieldsExceeded = "MAX_FILTER_FIELDS_EXCEEDED";

    /// <summary>An <c>in</c>/<c>nin</c> list of a <c>where</c> argument is longer than allowed.</summary>
    public const string MaxFilterListLengthExceeded = "MAX_FILTER_LIST_LENGTH_EXCEEDED";

    /// <summary>An <c>order</c> argument has more sort fields than allowed.</summary>
    public const string MaxSortFieldsExceeded = "MAX_SORT_FIELDS_EXCEEDED";
}
