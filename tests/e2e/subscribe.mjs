// Subscribes with the graphql-ws client (the graphql-transport-ws reference implementation) and prints the first
// result as one JSON line, then exits. The .NET test publishes until this line appears.
//
//   node subscribe.mjs --url ws://127.0.0.1:5000/graphql --query 'subscription { ... }' [--timeout 20000]
//
// Exit code 0 after a result without errors, 1 on errors, a closed socket or the timeout.
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { values } = parseArgs({
  options: { url: { type: 'string' }, query: { type: 'string' }, timeout: { type: 'string', default: '20000' } },
});
if (!values.url || !values.query) {
  console.error('usage: node subscribe.mjs --url <ws url> --query <subscription>');
  process.exit(2);
}

const client = createClient({ url: values.url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
client.on('connected', () => console.log('CONNECTED'));
const timer = setTimeout(() => {
  console.error('timed out waiting for an event');
  process.exit(1);
}, Number(values.timeout));

try {
  const subscription = client.iterate({ query: values.query });
  for await (const result of subscription) {
    console.log(`RESULT ${JSON.stringify(result)}`);
    clearTimeout(timer);
    // Leaving the loop sends `complete` for the subscription.
    break;
  }
  await client.dispose();
  process.exit(0);
} catch (error) {
  console.error(`ERROR ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  process.exit(1);
}
