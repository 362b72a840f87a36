// A GraphQL Yoga server over NewsGraph's SQLite file: the Node peer that `bench throughput` measures NewsGraph against
// (issue 10). Usage: node server.js --database <file> --urls=http://127.0.0.1:<port>
// The benchmark starts it like the other servers: it appends --urls with a free loopback port and polls POST /graphql.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { execute } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { openCatalogue } from './data.js';
import { createNewsSchema } from './schema.js';

const { values: args } = parseArgs({ options: { database: { type: 'string' }, urls: { type: 'string' } } });
if (!args.database || !args.urls) {
  console.error('usage: node server.js --database <file> --urls=http://127.0.0.1:<port>');
  process.exit(2);
}

const catalogue = openCatalogue(args.database);
const yoga = createYoga({
  schema: createNewsSchema(catalogue),
  // Each request gets its own loaders, so batching and caching never span two requests.
  context: () => ({ loaders: catalogue.createLoaders() }),
  // A production configuration: no GraphiQL IDE and no landing page. Everything else is Yoga's default.
  graphiql: false,
  landingPage: false,
  plugins: [
    // Executes with graphql-js's own `execute` instead of Yoga's default, @graphql-tools/executor: its 2.0 line (the last
    // that supports Node 20) writes a field whose resolver returned a promise (author, category, tags: DataLoaders) after
    // the others, out of the query's order, which the GraphQL spec requires and NewsGraph keeps (fixed in 2.1, for Node 22).
    { onExecute: ({ setExecuteFn }) => setExecuteFn(execute) },
  ],
});

const server = createServer(yoga);
// Node closes an idle keep-alive connection after 5 s; the benchmark's pooled connections idle longer than that while
// the other servers take their turn. Kestrel's default (NewsGraph, the baseline) is 130 s; so is this.
server.keepAliveTimeout = 130_000;
const { hostname, port } = new URL(args.urls);
server.listen(Number(port), hostname);

// The benchmark ends the process with SIGKILL; a person at a terminal may press Ctrl+C.
process.on('SIGINT', () => server.close(() => process.exit(0)));
