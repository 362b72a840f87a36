// A webhook receiver as an integrator would write one: a plain Node http server that verifies each request's
// signature with the README's function, answers 503 to the first attempts of every delivery, then accepts it. The
// first delivery of each article is refused longer, so that a sender that does not keep an article's events in order
// would have the next one accepted first.
//   node webhook-receiver.mjs <port> <secret> <expected accepted> <failing attempts per delivery>
//                             <failing attempts of an article's first delivery> <timeout ms>
// Prints one JSON line when it has accepted the expected number of deliveries (and a moment more, to see strays) or
// at the timeout (exit code 1).
import { createServer } from 'node:http';
import { verifyNewsGraphSignature } from './webhook-signature.mjs';

const [port, secret, expected, failFirst, failFirstOfArticle, timeoutMs] = process.argv.slice(2);
const firstOfArticle = {};
const arrivals = {};
const accepted = [];
const problems = [];
let finishing = false;

function finish(code) {
  console.log(JSON.stringify({ accepted, arrivals, firstOfArticle, problems }));
  process.exit(code);
}

const server = createServer((request, response) => {
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size <= 65536) chunks.push(chunk);
  });
  request.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!verifyNewsGraphSignature(body, request.headers['x-newsgraph-signature'], secret)) {
      problems.push(`bad signature: ${request.headers['x-newsgraph-signature']}`);
      response.writeHead(400).end('bad signature');
      return;
    }
    const event = JSON.parse(body.toString('utf8'));
    if (request.headers['x-newsgraph-delivery'] !== event.id || request.headers['x-newsgraph-event'] !== event.type) {
      problems.push(`headers do not match the body: ${JSON.stringify(request.headers)}`);
    }
    arrivals[event.id] = (arrivals[event.id] ?? 0) + 1;
    firstOfArticle[event.data.article.id] ??= event.id;
    const failing = firstOfArticle[event.data.article.id] === event.id ? Number(failFirstOfArticle) : Number(failFirst);
    if (arrivals[event.id] <= failing) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('busy, try later');
      return;
    }
    if (accepted.some((a) => a.id === event.id)) {
      problems.push(`accepted twice: ${event.id}`);
    } else {
      accepted.push({ id: event.id, type: event.type, article: event.data.article.id, url: event.data.article.url, occurredAt: event.occurredAt });
    }
    response.writeHead(204).end();
    if (accepted.length >= Number(expected) && !finishing) {
      finishing = true;
      setTimeout(() => finish(0), 1000);
    }
  });
});

server.listen(Number(port), '127.0.0.1', () => console.error(`listening on ${port}`));
setTimeout(() => finish(1), Number(timeoutMs));
