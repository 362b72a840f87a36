namespace NewsGraph.GraphQL.Tests.Data.Library;

public enum BookStatus
{
    Draft,
    InPrint,
    OutOfPrint,
}
