// The part of NewsGraph's schema (schema/schema.graphql) that the throughput workloads read, with the same types, names
// and nullability, resolved the way a Node team would: plain resolvers, a DataLoader per relation and request.
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { KeysetCursor, toGlobalId, toIsoDate } from './relay.js';

// Left out, as no workload asks for them: node/nodes lookups (and so the Node interface), last/before, order,
// totalCount, edges, filters other than title.contains, and every type's other fields.
const typeDefs = /* GraphQL */ `
  type Query {
    articleBySlug(slug: String!): Article
    articles(first: Int, after: String, where: ArticleFilterInput): ArticlesConnection
    recentArticles(first: Int, after: String, categorySlug: String): RecentArticlesConnection
  }

  type ArticlesConnection {
    pageInfo: PageInfo!
    nodes: [Article!]
  }

  type RecentArticlesConnection {
    pageInfo: PageInfo!
    nodes: [Article!]
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type Article {
    id: ID!
    slug: String!
    title: String!
    summary: String
    body: String!
    isBreaking: Boolean!
    publishedAt: DateTime
    wordCount: Int!
    readingTimeMinutes: Int!
    canonicalUrl: String
    author: Author!
    category: Category!
    tags: [Tag!]!
  }

  type Author {
    id: ID!
    slug: String!
    name: String!
    bio: String
    avatarUrl: String
  }

  type Category {
    id: ID!
    slug: String!
    name: String!
    description: String
    position: Int!
    parent: Category
  }

  type Tag {
    id: ID!
    slug: String!
    name: String!
  }

  input ArticleFilterInput {
    title: StringOperationFilterInput
  }

  input StringOperationFilterInput {
    contains: String
  }

  scalar DateTime
`;

// NewsGraph's (Hot Chocolate's) paging limits and error codes (src/NewsGraph.GraphQL/Data/Paging).
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;
// The newest-first ordering of every article list, as NewsGraph fingerprints it (ArticleOrder.Newest).
const newestFirst = new KeysetCursor('NewsGraph.Server.Data.Article', [['publishedAt', 'DESC'], ['id', 'DESC']]);

function pageSize(first, info) {
  if (first === null || first === undefined) {
    return DEFAULT_PAGE_SIZE;
  }
  if (first < 0) {
    throwError(`\`first\` must be zero or positive, but was ${first}.`, { code: 'HC0079' });
  }
  if (first > MAX_PAGE_SIZE) {
    throwError('The maximum allowed items per page were exceeded.', {
      code: 'HC0051',
      coordinate: `${info.parentType.name}.${info.fieldName}`,
      requestedItems: first,
      maxAllowedItems: MAX_PAGE_SIZE,
    });
  }
  return first;
}

function afterKeys(after) {
  if (after === null || after === undefined) {
    return undefined;
  }
  return newestFirst.decode(after)
    ?? throwError(`The cursor \`${after}\` is not valid for this field and ordering.`, { code: 'HC0078' });
}

function throwError(message, extensions) {
  throw new GraphQLError(message, { extensions });
}

/** One page of a newest-first article list: one row more than asked tells whether another page follows. */
function articlePage(catalogue, { first, after }, info, narrowing) {
  const limit = pageSize(first, info);
  const rows = catalogue.newestArticles({ limit: limit + 1, after: afterKeys(after), ...narrowing });
  return { nodes: rows.slice(0, limit), hasNextPage: rows.length > limit, hasPreviousPage: after !== null && after !== undefined };
}

const cursorOf = (article) => (article ? newestFirst.encode(article.publishedAt, article.id) : null);

const connection = {
  pageInfo: ({ nodes, hasNextPage, hasPreviousPage }) => ({
    hasNextPage,
    hasPreviousPage,
    startCursor: cursorOf(nodes[0]),
    endCursor: cursorOf(nodes.at(-1)),
  }),
};

export function createNewsSchema(catalogue) {
  return createSchema({
    typeDefs,
    resolvers: {
      Query: {
        articleBySlug: (_, { slug }) => catalogue.articleBySlug(slug),
        articles: (_, { first, after, where }, __, info) => {
          const contains = where?.title?.contains;
          if (contains === null) {
            throwError('The filter operation `contains` does not accept null.', { code: 'FILTER_NULL_NOT_ALLOWED' });
          }
          return articlePage(catalogue, { first, after }, info, { titleContains: contains });
        },
        recentArticles: (_, { first, after, categorySlug }, __, info) => articlePage(catalogue, { first, after }, info, {
          categoryIds: categorySlug === null || categorySlug === undefined ? undefined : catalogue.categoryWithDescendants(categorySlug),
        }),
      },
      ArticlesConnection: connection,
      RecentArticlesConnection: connection,
      Article: {
        id: (article) => toGlobalId('Article', article.id),
        // SQLite has no boolean: the column holds 0 or 1.
        isBreaking: (article) => article.isBreaking === 1,
        // Lists do not read the body; an article page's row has it.
        body: (article, _, { loaders }) => article.body ?? loaders.body.load(article.id),
        author: (article, _, { loaders }) => loaders.author.load(article.authorId),
        category: (article, _, { loaders }) => loaders.category.load(article.categoryId),
        tags: (article, _, { loaders }) => loaders.tagsOfArticle.load(article.id),
      },
      Author: { id: (author) => toGlobalId('Author', author.id) },
      Category: {
        id: (category) => toGlobalId('Category', category.id),
        parent: (category, _, { loaders }) => (category.parentId === null ? null : loaders.category.load(category.parentId)),
      },
      Tag: { id: (tag) => toGlobalId('Tag', tag.id) },
      DateTime: new GraphQLScalarType({
        name: 'DateTime',
        // Values come from SQLite as EF Core stored them; this server only reads, so it never parses one.
        serialize: toIsoDate,
      }),
    },
  });
}
