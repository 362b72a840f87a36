// Drives the Banana Cake Pop IDE served by a running NewsGraph server in headless Chromium (Debian's
// /usr/bin/chromium; playwright-core never downloads a browser) and proves the whole path works: the IDE
// loads, introspects our endpoint, and runs a typed query whose result shows an article title; then, once the
// IDE's delayed background calls have had their time, a second typed query, which must show its result too.
//
// The browser is offline: every request to a host other than loopback is aborted (and a proxy that refuses
// everything backs that up for requests no route sees), so the IDE has to work on a train or in an air-gapped
// office. Each off-machine URL it attempted is printed as "off-machine: METHOD URL -> aborted".
//
//   node ide.mjs --url http://127.0.0.1:5000/graphql --screenshot out/ide.png --expect "Title A" --expect "Title B"
//
// Exit code 0 and a final "IDE OK" line on success; the test that runs this asserts both. An uncaught page error
// or an off-machine request that got an answer fails the run.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    screenshot: { type: 'string' },
    expect: { type: 'string', multiple: true },
    query: { type: 'string', default: '{ articles(first: 2) { nodes { title } } }' },
    timeout: { type: 'string', default: '60000' },
    // How long the page stays open (from load) before the second query: past the IDE's background calls.
    settle: { type: 'string', default: '25000' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
if (!values.url || !values.screenshot || !values.expect?.length) {
  console.error('usage: node ide.mjs --url <graphql url> --screenshot <png> --expect <title> [--expect <title>...]');
  process.exit(2);
}

const timeout = Number(values.timeout);
const secondQuery = '{ stillWorks: articles(first: 2) { nodes { title } } }';
const endpoint = new URL(values.url);
const screenshot = resolve(values.screenshot);
// A fresh profile: no service-worker cache or saved documents from an earlier run can make this pass or fail.
const profile = mkdtempSync(join(tmpdir(), 'newsgraph-ide-'));
const log = (...parts) => console.log(...parts);

const context = await chromium.launchPersistentContext(profile, {
  executablePath: values.chromium,
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // A proxy on a port nothing listens on: whatever no route below sees (a worker's fetch, say) fails too.
    // Chromium never sends loopback through a proxy, so the server under test stays reachable.
    '--proxy-server=http://127.0.0.1:9',
  ],
  viewport: { width: 1400, height: 900 },
  timeout,
});

// Offline, like a train or an air-gapped office: only loopback is reachable. Every other request is
// aborted the way a missing network fails it, and recorded; nothing is answered on a vendor's behalf.
const isLoopback = (url) => {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
};
const offMachine = [];
const recordOffMachine = (method, url, outcome) => {
  offMachine.push({ method, url, outcome });
  log(`off-machine: ${method} ${url} -> ${outcome}`);
};
await context.route(() => true, (route) => {
  const request = route.request();
  if (isLoopback(request.url()) || !/^(https?|wss?):/.test(request.url())) {
    return route.fallback();
  }
  recordOffMachine(request.method(), request.url(), 'aborted');
  return route.abort('internetdisconnected');
});
// WebSockets bypass HTTP routing; the IDE must not need any off the machine either.
await context.routeWebSocket((url) => !isLoopback(url.href), (ws) => {
  recordOffMachine('WS', ws.url(), 'closed');
  ws.close({ code: 1011, reason: 'offline' });
});
// Requests no route saw (e.g. from a worker) meet the refusing proxy; record them too. An off-machine response
// would mean a request got out: that fails the run.
context.on('requestfailed', (request) => {
  if (!isLoopback(request.url()) && !offMachine.some((entry) => entry.url === request.url())) {
    recordOffMachine(request.method(), request.url(), `failed (${request.failure()?.errorText ?? 'unknown'})`);
  }
});
const escaped = [];
context.on('response', (response) => {
  if (!isLoopback(response.url()) && /^(https?):/.test(response.url())) {
    escaped.push(response.url());
    log(`off-machine response (must not happen): ${response.status()} ${response.url()}`);
  }
});

let exitCode = 1;
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(timeout);
// An uncaught error (e.g. a failed fetch nobody handles) fails the run: offline must not break the page.
const pageErrors = [];
page.on('pageerror', (error) => {
  pageErrors.push(error.message);
  log(`page error: ${error.message}`);
});
if (process.env.IDE_DEBUG) { page.on('console', (m) => log('console', m.type(), m.text().slice(0, 300))); page.on('request', (r) => { if (r.method() === 'POST') log('request', r.url(), JSON.stringify(r.headers()), (r.postData() ?? '').slice(0, 60)); }); }
page.on('requestfailed', (request) => {
  if (isLoopback(request.url())) {
    log(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`);
  }
});

// Only POSTs to our endpoint count: the IDE's introspection must reach the server we started.
const isOurGraphQLPost = (request) =>
  request.method() === 'POST' && new URL(request.url()).pathname === endpoint.pathname
  && new URL(request.url()).host === endpoint.host;

// Replaces the operation editor's text (the first Monaco editor of a document).
async function typeOperation(query) {
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText types the whole document as one input, so Monaco's bracket auto-closing and suggestions
  // cannot garble it the way key-by-key typing can.
  await page.keyboard.insertText(query);
  log(`typed: ${query}`);
}

// Clicks Run until the typed operation reaches the server, then waits for the response pane (not just the
// network) to show a title from the sample data and, if given, the marker (an alias only this query has).
async function runAndShow(query, marker) {
  // Run only works once the IDE has analysed the document (debounced after typing), which shows as the
  // operation appearing in the builder; until then a click on Run does nothing, so click again until it runs.
  // Only a head start for the loop below, hence the short wait.
  await page.getByText('No Operations').waitFor({ state: 'hidden', timeout: Math.min(timeout, 10000) }).catch((error) => log(`builder never listed the operation (${error.message.split('\n')[0]}); trying Run anyway`));
  const executed = page.waitForResponse((response) => {
    const request = response.request();
    return isOurGraphQLPost(request) && (request.postData() ?? '').includes(JSON.stringify(query).slice(1, -1));
  }, { timeout });
  const run = page.getByRole('button', { name: /^Run Operation/ });
  let queryResponse = null;
  executed.then((response) => { queryResponse = response; }, () => {});
  const deadline = Date.now() + timeout;
  while (!queryResponse && Date.now() < deadline) {
    await run.click();
    await Promise.race([executed, new Promise((done) => setTimeout(done, 3000))]).catch(() => {});
  }
  queryResponse = await executed;
  log(`query: ${queryResponse.status()} ${(await queryResponse.text()).slice(0, 300)}`);

  const shown = await page.waitForFunction(({ titles, marker }) => {
    const panes = [...document.querySelectorAll('.monaco-editor .view-lines')].slice(1);
    // Monaco renders spaces as non-breaking spaces.
    const text = panes.map((pane) => pane.textContent.replace(/\u00a0/g, ' ')).join('\n');
    if (marker && !text.includes(`"${marker}"`)) {
      return null;
    }
    return titles.find((title) => text.includes(title)) ?? null;
  }, { titles: values.expect, marker }, { timeout });
  log(`response pane shows: ${await shown.jsonValue()}${marker ? ` (under "${marker}")` : ''}`);
}

try {
  const introspected = page.waitForResponse(async (response) => {
    const request = response.request();
    if (!isOurGraphQLPost(request) || !(request.postData() ?? '').includes('__schema') || response.status() !== 200) {
      return false;
    }
    const body = await response.json().catch(() => null);
    return Boolean(body?.data?.__schema?.queryType);
  }, { timeout });
  // Awaited below; this only keeps a failure before then (e.g. the page not loading) from crashing node.
  introspected.catch(() => {});

  log(`opening ${endpoint.href}`);
  await page.goto(endpoint.href, { waitUntil: 'load', timeout });
  const loadedAt = Date.now();
  log(`loaded ${page.url()}`);

  // A fresh profile shows the start page; a new document connects to the configured endpoint and introspects it.
  await page.getByRole('button', { name: 'Create Document' }).click();
  const schemaResponse = await introspected;
  const schema = (await schemaResponse.json()).data.__schema;
  log(`introspection: ${schemaResponse.request().method()} ${schemaResponse.url()} -> ${schemaResponse.status()}, ${schema.types.length} types, query type ${schema.queryType.name}`);

  await typeOperation(values.query);

  await runAndShow(values.query, null);

  // The IDE starts its background calls (telemetry, ...) about ten seconds after it mounts, and mounts again
  // once its service worker takes over: stay on the page past that, then run a second typed query. Offline,
  // those calls fail; the IDE must go on working all the same.
  const idle = loadedAt + Number(values.settle) - Date.now();
  if (idle > 0) {
    log(`staying on the page ${Math.round(idle / 1000)} s more for the IDE's background calls`);
    await page.waitForTimeout(idle);
  }
  await typeOperation(secondQuery);
  await runAndShow(secondQuery, 'stillWorks');

  if (escaped.length) {
    throw new Error(`${escaped.length} off-machine request(s) got an answer: ${escaped.join(', ')}`);
  }
  if (pageErrors.length) {
    throw new Error(`the page threw ${pageErrors.length} uncaught error(s): ${pageErrors.join(' | ')}`);
  }
  exitCode = 0;
} catch (error) {
  log(`IDE FAILED: ${error?.stack ?? error}`);
} finally {
  try {
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    log(`screenshot: ${screenshot}`);
  } catch (error) {
    log(`no screenshot: ${error}`);
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

log(`off-machine requests: ${offMachine.length} attempted, ${escaped.length} answered`);

if (exitCode === 0) {
  log('IDE OK');
}
process.exit(exitCode);
