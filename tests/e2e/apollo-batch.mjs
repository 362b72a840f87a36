// Issues several queries at once through Apollo Client's BatchHttpLink (the real npm package) and prints, as one JSON
// line, how many HTTP requests reached fetch and what each query got. BatchHttpLink collects the operations started in
// the same batch interval into one POST whose body is a JSON array and expects a JSON array of results, in order.
//
//   node apollo-batch.mjs --url http://127.0.0.1:5000/graphql --queries '["{ a }", "{ b }"]' [--timeout 20000]
//
// Exit code 0 after every query settled (GraphQL errors included: the .NET test looks at them), 1 on a network error,
// an unhandled rejection or the timeout.
import { parseArgs } from 'node:util';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';

const { values } = parseArgs({
  options: { url: { type: 'string' }, queries: { type: 'string' }, timeout: { type: 'string', default: '20000' } },
});
if (!values.url || !values.queries) {
  console.error('usage: node apollo-batch.mjs --url <http url> --queries <JSON array of query strings>');
  process.exit(2);
}

process.on('unhandledRejection', (reason) => {
  console.error(`UNHANDLED ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  process.exit(1);
});
const timer = setTimeout(() => {
  console.error('timed out waiting for the results');
  process.exit(1);
}, Number(values.timeout));

// Counts what actually goes over the wire, and keeps each request body's shape.
const requests = [];
const countingFetch = async (input, init) => {
  const body = JSON.parse(init.body);
  requests.push(Array.isArray(body) ? body.length : 'object');
  return fetch(input, init);
};

const client = new ApolloClient({
  link: new BatchHttpLink({ uri: values.url, fetch: countingFetch, batchMax: 10, batchInterval: 20 }),
  cache: new InMemoryCache(),
});

const queries = JSON.parse(values.queries);
const settled = await Promise.all(
  queries.map((query) =>
    client
      .query({ query: gql(query), fetchPolicy: 'no-cache', errorPolicy: 'all' })
      .then((result) => ({ data: result.data ?? null, errors: result.error ? [result.error.message] : [] }))
      .catch((error) => ({ data: null, errors: [], networkError: `${error.name}: ${error.message}` })),
  ),
);
clearTimeout(timer);

console.log(`RESULT ${JSON.stringify({ requests, results: settled })}`);
process.exit(settled.some((r) => r.networkError) ? 1 : 0);
