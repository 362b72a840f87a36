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
    private readonly Dictionary<int, (int? ParentId, string Slug)> _byId;

    private CategoryTree(IReadOnlyCollection<(int Id, int? ParentId, string Slug)> rows)
    {
        _childrenByParent = rows.ToLookup(r => r.ParentId, r => r.Id);
        _idsBySlug = rows.ToDictionary(r => r.Slug, r => r.Id, StringComparer.Ordinal);
        _byId = rows.ToDictionary(r => r.Id, r => (r.ParentId, r.Slug));
    }

    public static async Task<CategoryTree> LoadAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Categories
            .Select(c => new { c.Id, c.ParentId, c.Slug })
            .ToListAsync(cancellationToken);
        return new CategoryTree([.. rows.Select(r => (r.Id, r.ParentId, r.Slug))]);
    }

    public int? FindId(string slug) => _idsBySlug.TryGetValue(slug, out var id) ? id : null;

    public bool Contains(int categoryId) => _byId.ContainsKey(categoryId);

    /// <summary>Whether the category is the one named <paramref name="slug"/> or lies anywhere under it.</summary>
    public bool IsWithin(int categoryId, string slug)
    {
        int? current = categoryId;
        for (var depth = 0; current is int id && depth <= _byId.Count; depth++)
        {
            // The depth bound stops at a cycle, which would be a data error.
            if (!_byId.TryGetValue(id, out var category))
            {
                return false;
            }

            if (string.Equals(category.Slug, slug, StringComparison.Ordinal))
            {
                return true;
            }

            current = category.ParentId;
        }

        return false;
    }

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
