namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>
/// Unicode case folding shared by .NET and the database, so that case-insensitive string filters fold
/// "É" and "é" alike (SQLite's own <c>lower()</c>/<c>LIKE</c> fold ASCII only). Map it into EF Core with
/// <see cref="CaseFoldingModelBuilderExtensions.AddCaseFolding"/>; on SQLite also register the function with
/// <see cref="SqliteCaseFoldingOptionsExtensions.UseSqliteCaseFolding"/>.
/// </summary>
public static class CaseFolding
{
    /// <summary>Name of the SQLite function registered on every connection.</summary>
    public const string SqliteFunctionName = "casefold";

    /// <summary>Folds with <see cref="string.ToUpperInvariant"/>; the database side must fold identically (SQL <c>upper</c>).</summary>
    public static string? Fold(string? value) => value?.ToUpperInvariant();
}
