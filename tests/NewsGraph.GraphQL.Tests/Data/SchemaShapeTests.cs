using GraphQL;
using NewsGraph.GraphQL.Tests.Data.Library;

namespace NewsGraph.GraphQL.Tests.Data;

/// <summary>The printed SDL uses Hot Chocolate 15's names, shapes, nullability and descriptions.</summary>
[Collection(LibraryDatabaseGroup.Name)]
public sealed class SchemaShapeTests(LibraryFixture library)
{
    public static TheoryData<string> ExpectedBlocks => new()
    {
        """
        input BookFilterInput {
          and: [BookFilterInput!]
          or: [BookFilterInput!]
          id: IdOperationFilterInput
          title: StringOperationFilterInput
          subtitle: StringOperationFilterInput
          publishedOn: DateTimeOperationFilterInput
          pages: IntOperationFilterInput
          rating: IntOperationFilterInput
          isAvailable: BooleanOperationFilterInput
          status: BookStatusOperationFilterInput
          writer: WriterFilterInput
          labels: ListFilterInputTypeOfLabelFilterInput
        }
        """,
        """
        input IdOperationFilterInput {
          eq: ID
          neq: ID
          in: [ID]
          nin: [ID]
        }
        """,
        """
        input IntOperationFilterInput {
          eq: Int
          neq: Int
          in: [Int]
          nin: [Int]
          gt: Int
          ngt: Int
          gte: Int
          ngte: Int
          lt: Int
          nlt: Int
          lte: Int
          nlte: Int
        }
        """,
        """
        input DateTimeOperationFilterInput {
          eq: DateTime
          neq: DateTime
          in: [DateTime]
          nin: [DateTime]
          gt: DateTime
        """,
        """
        input BooleanOperationFilterInput {
          eq: Boolean
          neq: Boolean
        }
        """,
        """
        input BookStatusOperationFilterInput {
          eq: BookStatus
          neq: BookStatus
          in: [BookStatus!]
          nin: [BookStatus!]
        }
        """,
        """
        input ListFilterInputTypeOfLabelFilterInput {
          all: LabelFilterInput
          none: LabelFilterInput
          some: LabelFilterInput
          any: Boolean
        }
        """,
        """
        input StringOperationFilterInput {
          and: [StringOperationFilterInput!]
          or: [StringOperationFilterInput!]
          eq: String
          neq: String
          "Case-insensitive for all Unicode letters; `%` and `_` match literally."
          contains: String
        """,
        """
          in: [String]
          nin: [String]
        """,
        """
        enum SortEnumType {
          ASC
          DESC
        }
        """,
        """
        input BookSortInput {
          id: SortEnumType
          title: SortEnumType
          publishedOn: SortEnumType
          pages: SortEnumType
          rating: SortEnumType
          status: SortEnumType
          writer: WriterSortInput
        }
        """,
        """
          books(
            "Returns the first _n_ elements from the list."
            first: Int,
            "Returns the elements in the list that come after the specified cursor."
            after: String,
            "Returns the last _n_ elements from the list."
            last: Int,
            "Returns the elements in the list that come before the specified cursor."
            before: String,
            where: BookFilterInput,
            order: [BookSortInput!]): BooksConnection
        """,
        """
        "A connection to a list of items."
        type BooksConnection {
          "Information to aid in pagination."
          pageInfo: PageInfo!
          "A list of edges."
          edges: [BooksEdge!]
          "A flattened list of the nodes."
          nodes: [Book!]
          "Identifies the total count of items in the connection."
          totalCount: Int!
        }
        """,
        """
        "An edge in a connection."
        type BooksEdge {
          "A cursor for use in pagination."
          cursor: String!
          "The item at the end of the edge."
          node: Book!
        }
        """,
        """
        "Information about pagination in a connection."
        type PageInfo {
          "Indicates whether more edges exist following the set defined by the clients arguments."
          hasNextPage: Boolean!
          "Indicates whether more edges exist prior the set defined by the clients arguments."
          hasPreviousPage: Boolean!
          "When paginating backwards, the cursor to continue."
          startCursor: String
          "When paginating forwards, the cursor to continue."
          endCursor: String
        }
        """,
        "type WritersConnection {",
        "type WritersEdge {",
        """
          "Fetches an object given its ID."
          node(
            "ID of the object."
            id: ID!): Node
          "Lookup nodes by a list of IDs."
          nodes(
            "The list of node IDs."
            ids: [ID!]!): [Node]!
        """,
        """
        "The node interface is implemented by entities that have a global unique identifier."
        interface Node {
          id: ID!
        }
        """,
        "type Book implements Node {",
        """
        "The `DateTime` scalar represents an ISO-8601 compliant date time type."
        scalar DateTime
        """,
    };

    [Theory]
    [MemberData(nameof(ExpectedBlocks))]
    public void PrintsHotChocolateShapes(string block)
    {
        var sdl = library.Schema.Print().ReplaceLineEndings("\n");

        Assert.Contains(block.ReplaceLineEndings("\n"), sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedOperationTypesAreOneInstancePerName()
    {
        var schema = library.Schema;
        schema.Initialize();

        Assert.Single(schema.AllTypes, type => type.Name == "StringOperationFilterInput");
        Assert.NotNull(schema.AllTypes["ListFilterInputTypeOfBookFilterInput"]);
        Assert.NotNull(schema.AllTypes["BookStatusOperationFilterInput"]);
    }
}
