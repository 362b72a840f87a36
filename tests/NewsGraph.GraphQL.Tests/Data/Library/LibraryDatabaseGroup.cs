namespace NewsGraph.GraphQL.Tests.Data.Library;

[CollectionDefinition(Name)]
public sealed class LibraryDatabaseGroup : ICollectionFixture<LibraryFixture>
{
    public const string Name = "Library database";
}
