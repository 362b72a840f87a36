// Runs one query with urql's core client and its default exchanges, as a frontend would, and prints the result as one
// JSON line. urql's fetchExchange sends `Accept: application/graphql-response+json, application/graphql+json,
// application/json, text/event-stream, multipart/mixed` on every request; a server that answers a plain query with an
// event stream leaves urql with an unhandled AbortError that ends the process (issue 13).
//
//   node urql-query.mjs --url http://127.0.0.1:5000/graphql --query '{ ... }' [--timeout 20000]
//
// Exit code 0 after a result (with or without GraphQL errors: the .NET test looks at them), 1 on a network error, an
// unhandled rejection or the timeout.
import { parseArgs } from 'node:util';
import { Client, cacheExchange, fetchExchange } from '@urql/core';

const { values } = parseArgs({
  options: { url: { type: 'string' }, query: { type: 'string' }, timeout: { type: 'string', default: '20000' } },
});
if (!values.url || !values.query) {
  console.error('usage: node urql-query.mjs --url <http url> --query <query>');
  process.exit(2);
}

process.on('unhandledRejection', (reason) => {
  console.error(`UNHANDLED ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  process.exit(1);
});
const timer = setTimeout(() => {
  console.error('timed out waiting for the result');
  process.exit(1);
}, Number(values.timeout));

const client = new Client({ url: values.url, exchanges: [cacheExchange, fetchExchange] });
const result = await client.query(values.query, {}).toPromise();
clearTimeout(timer);
if (result.error?.networkError) {
  console.error(`NETWORK ${result.error.networkError.message}`);
  process.exit(1);
}

console.log(`RESULT ${JSON.stringify({ data: result.data ?? null, errors: result.error?.graphQLErrors.map((e) => e.message) ?? [] })}`);
// Let a late rejection (the AbortError the bug caused) surface before exiting.
setTimeout(() => process.exit(0), 200);
