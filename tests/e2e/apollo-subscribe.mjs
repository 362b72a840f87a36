// Subscribes with Apollo Client 4 and its HttpLink alone (no WebSocket link): HttpLink asks for Apollo's multipart
// HTTP subscriptions (`Accept: multipart/mixed;boundary=graphql;subscriptionSpec=1.0, ...`) and reads the parts.
// Prints each result as one JSON line, `RESULT {"data":...,"error":null|{"name":...,"messages":[...]}}`, and exits
// after --count results (unsubscribing, which closes the request) or when the subscription completes.
//
//   node apollo-subscribe.mjs --url http://127.0.0.1:5000/graphql --query 'subscription { ... }' [--count 1] [--timeout 20000]
//
// Exit code 0 after --count results or completion (results may carry errors: the .NET test looks at them), 1 on a
// link error, an unhandled rejection or the timeout.
import { parseArgs } from 'node:util';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    query: { type: 'string' },
    count: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '20000' },
  },
});
if (!values.url || !values.query) {
  console.error('usage: node apollo-subscribe.mjs --url <http url> --query <subscription> [--count n]');
  process.exit(2);
}

process.on('unhandledRejection', (reason) => {
  console.error(`UNHANDLED ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  process.exit(1);
});
const timer = setTimeout(() => {
  console.error('timed out waiting for results');
  process.exit(1);
}, Number(values.timeout));

const client = new ApolloClient({ link: new HttpLink({ uri: values.url }), cache: new InMemoryCache() });
const wanted = Number(values.count);
let received = 0;

const finish = (code) => {
  clearTimeout(timer);
  // Let the aborted request settle before exiting.
  setTimeout(() => process.exit(code), 200);
};

const describe = (error) =>
  error ? { name: error.name, messages: (error.errors ?? [error]).map((e) => e.message) } : null;

const subscription = client.subscribe({ query: gql(values.query), fetchPolicy: 'no-cache' }).subscribe({
  next(result) {
    received += 1;
    console.log(`RESULT ${JSON.stringify({ data: result.data ?? null, error: describe(result.error) })}`);
    if (received >= wanted) {
      subscription.unsubscribe();
      finish(0);
    }
  },
  error(error) {
    console.error(`ERROR ${error?.name}: ${error?.message}`);
    finish(1);
  },
  complete() {
    console.log('COMPLETE');
    finish(0);
  },
});
console.log('SUBSCRIBED');
