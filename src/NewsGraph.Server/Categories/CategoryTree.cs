using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Categories;

/// <summary>
/// The category hierarchy as id → parent pairs. The whole table is a navigation menu (tens of rows), so
/// one small query answers "this category and everything under it" for any depth, on any database.
/// </summary>
internal sealed class CategoryTree
{
    private readonly ILookup<int?, int> _childrenByParent;
    private readonly Dictionary<string, int> _idsBySlug;

    private CategoryTree(IReadOnlyCollection<(int Id, int? ParentId, string Slug)> rows)
    {
        _childrenByParent = rows.ToLookup(r => r.ParentId, r => r.Id);
        _idsBySlug = rows.ToDictionary(r => r.Slug, r => r.Id, StringComparer.Ordinal);
    }

    public static async Task<CategoryTree> LoadAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Categories
            .Select(c => new { c.Id, c.ParentId, c.Slug })
            .ToListAsync(cancellationToken);
        return new CategoryTree([.. rows.Select(r => (r.Id, r.ParentId, r.Slug))]);
    }

    public int? FindId(string slug) => _idsBySlug.TryGetValue(slug, out var id) ? id : null;

    /// <summary>The category itself and all of its descendants.</summary>
    public IReadOnlyList<int> WithDescendants(int categoryId)
    {
        var result = new List<int>();
        var pending = new Stack<int>();
        pending.Push(categoryId);
        var seen = new HashSet<int>();
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!seen.Add(id))
            {
                continue; // a cycle would be a data error; never loop on it
            }

            result.Add(id);
            foreach (var child in _childrenByParent[id])
            {
                pending.Push(child);
            }
        }

        return result;
    }
}
