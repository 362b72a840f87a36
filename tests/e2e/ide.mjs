// Drives the Banana Cake Pop IDE served by a running NewsGraph server in headless Chromium (Debian's
// /usr/bin/chromium; playwright-core never downloads a browser) and proves the whole path works: the IDE
// loads, introspects our endpoint, and runs a typed query whose result shows an article title.
//
//   node ide.mjs --url http://127.0.0.1:5000/graphql --screenshot out/ide.png --expect "Title A" --expect "Title B"
//
// Exit code 0 and a final "IDE OK" line on success; the test that runs this asserts both.
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
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
if (!values.url || !values.screenshot || !values.expect?.length) {
  console.error('usage: node ide.mjs --url <graphql url> --screenshot <png> --expect <title> [--expect <title>...]');
  process.exit(2);
}

const timeout = Number(values.timeout);
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
  ],
  viewport: { width: 1400, height: 900 },
  timeout,
});

// The test machine has no internet. The IDE phones home (telemetry activation) and, when that request fails, its
// run handler fails with it and never shows the result; answer for ChilliCream's servers instead of letting
// them fail, and keep every other off-machine request from leaving.
await context.route((url) => url.hostname.endsWith('chillicream.com'), (route) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ deviceId: '00000000-0000-0000-0000-000000000000' }) }));

let exitCode = 1;
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(timeout);
page.on('pageerror', (error) => log(`page error: ${error.message}`));
if (process.env.IDE_DEBUG) { page.on('console', (m) => log('console', m.type(), m.text().slice(0, 300))); page.on('request', (r) => { if (r.method() === 'POST') log('request', r.url(), JSON.stringify(r.headers()), (r.postData() ?? '').slice(0, 60)); }); }
page.on('requestfailed', (request) => log(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));

// Only POSTs to our endpoint count: the IDE's introspection must reach the server we started.
const isOurGraphQLPost = (request) =>
  request.method() === 'POST' && new URL(request.url()).pathname === endpoint.pathname
  && new URL(request.url()).host === endpoint.host;

try {
  const introspected = page.waitForResponse(async (response) => {
    const request = response.request();
    if (!isOurGraphQLPost(request) || !(request.postData() ?? '').includes('__schema') || response.status() !== 200) {
      return false;
    }
    const body = await response.json().catch(() => null);
    return Boolean(body?.data?.__schema?.queryType);
  }, { timeout });

  log(`opening ${endpoint.href}`);
  await page.goto(endpoint.href, { waitUntil: 'load', timeout });
  log(`loaded ${page.url()}`);

  // A fresh profile shows the start page; a new document connects to the configured endpoint and introspects it.
  await page.getByRole('button', { name: 'Create Document' }).click();
  const schemaResponse = await introspected;
  const schema = (await schemaResponse.json()).data.__schema;
  log(`introspection: ${schemaResponse.request().method()} ${schemaResponse.url()} -> ${schemaResponse.status()}, ${schema.types.length} types, query type ${schema.queryType.name}`);

  // The first Monaco editor of a document is the operation editor.
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText types the whole document as one input, so Monaco's bracket auto-closing and suggestions
  // cannot garble it the way key-by-key typing can.
  await page.keyboard.insertText(values.query);
  log(`typed: ${values.query}`);

  // Run only works once the IDE has analysed the document (debounced after typing), which shows as the
  // operation appearing in the builder; until then a click on Run does nothing, so click again until it runs.
  await page.getByText('No Operations').waitFor({ state: 'hidden', timeout }).catch(() => log('builder never listed the operation; trying Run anyway'));
  const executed = page.waitForResponse((response) => {
    const request = response.request();
    return isOurGraphQLPost(request) && (request.postData() ?? '').includes('articles');
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

  // The response pane (not just the network) must show a title from the sample data.
  const shown = await page.waitForFunction((titles) => {
    const panes = [...document.querySelectorAll('.monaco-editor .view-lines')].slice(1);
    // Monaco renders spaces as non-breaking spaces.
    const text = panes.map((pane) => pane.textContent.replace(/\u00a0/g, ' ')).join('\n');
    return titles.find((title) => text.includes(title)) ?? null;
  }, values.expect, { timeout });
  log(`response pane shows: ${await shown.jsonValue()}`);
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

if (exitCode === 0) {
  log('IDE OK');
}
process.exit(exitCode);
