namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>
/// Relay page info. Like HC, only the paging direction is probed: forward pages report
/// <see cref="HasPreviousPage"/> = (<c>after</c> was given); backward pages report <see cref="HasNextPage"/> =
/// (<c>before</c> was given). That costs no extra query and is what the Relay spec permits.
/// </summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
