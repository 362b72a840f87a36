// The data layer: prepared statements over NewsGraph's SQLite file and the per-request DataLoaders.
// Visibility, order and matching are NewsGraph's: readers see published articles only (Status = 1), lists are newest
// first (PublishedAt, then Id, both descending), tags by name, and `contains` is Unicode case-insensitive.
import Database from 'better-sqlite3';
import DataLoader from 'dataloader';

const PUBLISHED = 1;

// What a teaser list reads: every column the schema exposes but the body (~5 KB an article, which no list shows).
const LIST_COLUMNS = `Id AS id, Slug AS slug, Title AS title, Summary AS summary, IsBreaking AS isBreaking,
  PublishedAt AS publishedAt, WordCount AS wordCount, ReadingTimeMinutes AS readingTimeMinutes,
  CanonicalUrl AS canonicalUrl, AuthorId AS authorId, CategoryId AS categoryId`;
const NEWEST_FIRST = 'ORDER BY PublishedAt DESC, Id DESC LIMIT @limit';

// NewsGraph folds both sides of `contains` with .NET's ToUpperInvariant (src/NewsGraph.GraphQL/Data/Filtering/CaseFolding.cs),
// which maps each character to one (Unicode's simple case mapping), where JavaScript's toUpperCase may turn one into
// several ("ß" -> "SS"); and .NET keeps the dotless "ı" as it is. The fast path is exact whenever no character expanded.
export function casefold(value) {
  const upper = value.toUpperCase();
  if (upper.length === value.length && !value.includes('ı')) {
    return upper;
  }
  return Array.from(value, (c) => {
    const full = c.toUpperCase();
    return c === 'ı' ? c : full.length === c.length ? full : simpleUpperOfExpanding(c);
  }).join('');
}

// Of the characters whose full uppercase is several, only the Greek letters with ypogegrammeni have a simple one
// (their titlecase letter with prosgegrammeni); every other one (ß, ŉ, ligatures, ...) stays as it is.
function simpleUpperOfExpanding(c) {
  const code = c.codePointAt(0);
  if ((code >= 0x1f80 && code <= 0x1f87) || (code >= 0x1f90 && code <= 0x1f97) || (code >= 0x1fa0 && code <= 0x1fa7)) {
    return String.fromCodePoint(code + 8);
  }
  return code === 0x1fb3 || code === 0x1fc3 || code === 0x1ff3 ? String.fromCodePoint(code + 9) : c;
}

export function openCatalogue(path) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  // The same SQL function NewsGraph registers on its connections, so the same predicate matches the same rows.
  db.function('casefold', { deterministic: true }, (value) => (value === null ? null : casefold(value)));

  // A list of keys is one JSON parameter read with json_each, as NewsGraph sends it: one statement for any number of keys.
  const ids = 'SELECT value FROM json_each(@ids)';
  const statements = {
    bySlug: db.prepare(`SELECT ${LIST_COLUMNS}, Body AS body FROM Articles WHERE Status = ${PUBLISHED} AND Slug = ?`),
    bodies: db.prepare(`SELECT Id AS id, Body AS body FROM Articles WHERE Id IN (${ids})`),
    categoryTree: db.prepare('SELECT Id AS id, ParentId AS parentId, Slug AS slug FROM Categories'),
    authors: db.prepare(`SELECT Id AS id, Slug AS slug, Name AS name, Bio AS bio, AvatarUrl AS avatarUrl FROM Authors WHERE Id IN (${ids})`),
    categories: db.prepare(`SELECT Id AS id, Slug AS slug, Name AS name, Description AS description, Position AS position,
      ParentId AS parentId FROM Categories WHERE Id IN (${ids})`),
    tagsOfArticles: db.prepare(`SELECT at.ArticleId AS articleId, t.Id AS id, t.Slug AS slug, t.Name AS name
      FROM ArticleTags at JOIN Tags t ON t.Id = at.TagId WHERE at.ArticleId IN (${ids}) ORDER BY t.Name`),
  };

  // List statements differ by which conditions they carry; each shape is prepared once, on first use.
  const listStatements = new Map();
  const listStatement = (conditions) => {
    const sql = `SELECT ${LIST_COLUMNS} FROM Articles WHERE ${conditions.join(' AND ')} ${NEWEST_FIRST}`;
    if (!listStatements.has(sql)) {
      listStatements.set(sql, db.prepare(sql));
    }
    return listStatements.get(sql);
  };

  return {
    /**
     * Up to `limit` published articles, newest first, after the keys of a cursor (`after`: { publishedAt, id }), with
     * a title containing `titleContains` and in one of `categoryIds`, where given.
     */
    newestArticles({ limit, after, titleContains, categoryIds }) {
      const conditions = [`Status = ${PUBLISHED}`];
      const parameters = { limit };
      if (categoryIds) {
        conditions.push('PublishedAt IS NOT NULL', 'CategoryId IN (SELECT value FROM json_each(@categoryIds))');
        parameters.categoryIds = JSON.stringify(categoryIds);
      }
      if (titleContains !== undefined) {
        conditions.push('instr(casefold(Title), @folded) > 0');
        parameters.folded = casefold(titleContains);
      }
      if (after) {
        // The keyset predicate NewsGraph sends: its leading range lets SQLite seek the (Status, PublishedAt, Id) index.
        conditions.push('PublishedAt <= @publishedAt AND (PublishedAt < @publishedAt OR (PublishedAt = @publishedAt AND Id < @id))');
        Object.assign(parameters, after);
      }
      return listStatement(conditions).all(parameters);
    },

    articleBySlug: (slug) => statements.bySlug.get(slug) ?? null,

    /** The category and every category under it, read per request as NewsGraph does (the table is a menu: tens of rows). */
    categoryWithDescendants(slug) {
      const rows = statements.categoryTree.all();
      const root = rows.find((row) => row.slug === slug);
      if (!root) {
        return [];
      }
      const result = [];
      const seen = new Set();
      const pending = [root.id];
      while (pending.length > 0) {
        const id = pending.pop();
        if (seen.has(id)) {
          continue; // a cycle would be a data error; never loop on it
        }
        seen.add(id);
        result.push(id);
        pending.push(...rows.filter((row) => row.parentId === id).map((row) => row.id));
      }
      return result;
    },

    /** Fresh loaders for one request: each batches the keys asked for in one tick into one statement. */
    createLoaders() {
      return {
        author: new DataLoader(async (keys) => byKey(keys, statements.authors.all({ ids: JSON.stringify(keys) }))),
        category: new DataLoader(async (keys) => byKey(keys, statements.categories.all({ ids: JSON.stringify(keys) }))),
        body: new DataLoader(async (keys) => byKey(keys, statements.bodies.all({ ids: JSON.stringify(keys) })).map((row) => row?.body)),
        tagsOfArticle: new DataLoader(async (keys) => {
          const tags = new Map(keys.map((key) => [key, []]));
          for (const { articleId, ...tag } of statements.tagsOfArticles.all({ ids: JSON.stringify(keys) })) {
            tags.get(articleId).push(tag);
          }
          return keys.map((key) => tags.get(key));
        }),
      };
    },
  };
}

// DataLoader wants one result per key, in the keys' order.
function byKey(keys, rows) {
  const rowsById = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => rowsById.get(key) ?? null);
}
