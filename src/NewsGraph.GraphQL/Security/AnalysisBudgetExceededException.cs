namespace NewsGraph.GraphQL.Security;

/// <summary>A document analysis needed more work than its budget; the document is refused as too costly to analyse.</summary>
internal sealed class AnalysisBudgetExceededException : Exception
{
    public AnalysisBudgetExceededException()
        : base("The document needs more work to analyse than any real operation does.")
    {
    }

    public AnalysisBudgetExceededException(string message)
        : base(message)
    {
    }

    public AnalysisBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
