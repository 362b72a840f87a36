// Runs operations over graphql-sse (the npm client, 2.6.1) in either of its modes, directly or through urql's
// subscriptionExchange, as a frontend would, and prints what it saw as JSON lines. The .NET test publishes an article
// once both subscriptions are set up on the server, then reads the lines.
//
//   node sse-client.mjs --url http://127.0.0.1:5000/graphql --mode single|distinct --client graphql-sse|urql \
//     --query '{ ... }' [--timeout 20000]
//
// It subscribes twice (`subscription { onArticlePublished { title } }` and `... { id title }`, two operations
// multiplexed on one stream in single connection mode), runs --query over the event stream (and, with urql, once more
// through urql's default fetchExchange), waits for one publication on each subscription, stops them, and prints:
//   RESULT <name> <json>     one per operation (query, query-fetch, published, published-with-id)
//   REQUESTS <json>          every HTTP request the SSE client sent: method, accept, status (DELETE statuses included)
// Exit code 0 after all results, 1 on an error or the timeout.
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-sse';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    mode: { type: 'string', default: 'single' },
    client: { type: 'string', default: 'graphql-sse' },
    query: { type: 'string' },
    timeout: { type: 'string', default: '20000' },
  },
});
if (!values.url || !values.query || !['single', 'distinct'].includes(values.mode) || !['graphql-sse', 'urql'].includes(values.client)) {
  console.error('usage: node sse-client.mjs --url <http url> --mode single|distinct --client graphql-sse|urql --query <query>');
  process.exit(2);
}

const fail = (message) => {
  console.error(`ERROR ${message}`);
  console.log(`REQUESTS ${JSON.stringify(requests)}`);
  process.exit(1);
};
process.on('unhandledRejection', (reason) => fail(`unhandled ${reason instanceof Error ? reason.message : String(reason)}`));
const timer = setTimeout(() => fail('timed out'), Number(values.timeout));

// Every request graphql-sse sends, with the answer's status: the test tells the modes apart by them.
const requests = [];
const pendingDeletes = [];
const fetchFn = async (url, init) => {
  const entry = { method: init?.method ?? 'GET', accept: init?.headers?.accept ?? null, status: null };
  requests.push(entry);
  const response = fetch(url, init);
  if (entry.method === 'DELETE') pendingDeletes.push(response.catch(() => undefined));
  const answered = await response;
  entry.status = answered.status;
  return answered;
};

const sse = createClient({ url: values.url, singleConnection: values.mode === 'single', fetchFn, retryAttempts: 0 });
const subscriptions = {
  published: 'subscription { onArticlePublished { title } }',
  'published-with-id': 'subscription { onArticlePublished { id title } }',
};

const results = {};
const print = (name, result) => {
  results[name] = result;
  console.log(`RESULT ${name} ${JSON.stringify(result)}`);
};

let stops = [];
let stopAll;
const done = new Promise((resolve) => (stopAll = resolve));
const expected = values.client === 'urql' ? 4 : 3;
const check = () => {
  if (Object.keys(results).length === expected) stopAll();
};

if (values.client === 'graphql-sse') {
  for (const [name, query] of Object.entries(subscriptions)) {
    stops.push(sse.subscribe({ query }, {
      next: (result) => { print(name, result); check(); },
      error: (error) => fail(`${name}: ${error instanceof Error ? error.message : JSON.stringify(error)}`),
      complete: () => {},
    }));
  }

  const query = [];
  await new Promise((resolve, reject) => sse.subscribe({ query: values.query }, {
    next: (result) => query.push(result),
    error: reject,
    complete: resolve,
  })).catch((error) => fail(`query: ${error instanceof Error ? error.message : JSON.stringify(error)}`));
  print('query', query.length === 1 ? query[0] : { unexpected: query });
  check();
} else {
  const urql = new Client({
    url: values.url,
    exchanges: [
      cacheExchange,
      subscriptionExchange({
        // Subscriptions, and queries asked to go over the event stream, through graphql-sse.
        isSubscriptionOperation: (operation) => operation.kind === 'subscription' || operation.context.overEventStream === true,
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return { subscribe: (sink) => ({ unsubscribe: sse.subscribe(input, sink) }) };
        },
      }),
      fetchExchange,
    ],
  });
  for (const [name, query] of Object.entries(subscriptions)) {
    const { unsubscribe } = urql.subscription(query, {}).subscribe((result) => {
      if (result.error) fail(`${name}: ${result.error.message}`);
      if (!(name in results)) { print(name, { data: result.data }); check(); }
    });
    stops.push(unsubscribe);
  }

  const overStream = await urql.query(values.query, {}, { overEventStream: true, requestPolicy: 'network-only' }).toPromise();
  if (overStream.error) fail(`query: ${overStream.error.message}`);
  print('query', { data: overStream.data });
  const overFetch = await urql.query(values.query, {}, { requestPolicy: 'network-only' }).toPromise();
  if (overFetch.error) fail(`query-fetch: ${overFetch.error.message}`);
  print('query-fetch', { data: overFetch.data });
  check();
}

await done;
clearTimeout(timer);
// Stopping the subscriptions: single connection mode sends a DELETE per operation, distinct mode closes each stream.
for (const stop of stops) stop();
await new Promise((resolve) => setTimeout(resolve, 300));
await Promise.all(pendingDeletes);
console.log(`REQUESTS ${JSON.stringify(requests)}`);
sse.dispose();
process.exit(0);
