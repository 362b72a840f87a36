// Runs the graphql-http audit suite (the GraphQL-over-HTTP spec's own conformance checks) against a running
// server and prints one line per audit, then a JSON summary line the .NET test parses.
//
//   node audit.mjs --url http://127.0.0.1:5000/graphql
//
// Exit code 0 when every MUST and SHOULD audit passes, 1 otherwise.
import { parseArgs } from 'node:util';
import { auditServer } from 'graphql-http';

const { values } = parseArgs({ options: { url: { type: 'string' } } });
if (!values.url) {
  console.error('usage: node audit.mjs --url <graphql url>');
  process.exit(2);
}

const results = await auditServer({ url: values.url });
const lines = [];
for (const result of results) {
  const reason = result.status === 'ok' ? '' : ` -- ${result.reason}`;
  // status: ok | warn (a SHOULD failed) | error (a MUST failed) | notice (a MAY failed)
  lines.push({ id: result.id, name: result.name, status: result.status, reason: result.status === 'ok' ? null : result.reason });
  console.log(`${result.status.padEnd(6)} ${result.id} ${result.name}${reason}`);
}

const failed = lines.filter((line) => line.status === 'error' || line.status === 'warn');
console.log(`AUDIT-SUMMARY ${JSON.stringify({ total: lines.length, failed })}`);
process.exit(failed.length === 0 ? 0 : 1);
