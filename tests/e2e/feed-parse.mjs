// Reads an RSS, Atom or JSON feed with feedsmith (a real feed parser, as a feed reader would use one) and prints what
// it understood, the same shape for all three formats, as one JSON line: format, feed title and links, and per item
// title, link, id, published/updated (ISO 8601), author, category, summary and HTML content.
//
//   node feed-parse.mjs --url http://127.0.0.1:5000/feeds/rss.xml   (fetched here)
//   node feed-parse.mjs --file /tmp/feed.xml                         (fetched by the test, e.g. with a hostile Host)
//
// Exit code 0 after a parsed feed, 1 when the fetch or the parse fails (feedsmith throws on a document it cannot read).
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { parseFeed } from 'feedsmith';

const { values } = parseArgs({ options: { url: { type: 'string' }, file: { type: 'string' } } });
if (!values.url === !values.file) {
  console.error('usage: node feed-parse.mjs --url <feed url> | --file <path>');
  process.exit(2);
}

let text;
if (values.url) {
  const response = await fetch(values.url, { signal: AbortSignal.timeout(20000) });
  if (!response.ok) {
    console.error(`HTTP ${response.status}`);
    process.exit(1);
  }
  text = await response.text();
} else {
  text = await readFile(values.file, 'utf8');
}

const iso = (value) => (value ? new Date(value).toISOString() : null);
const textOf = (value) => (value && typeof value === 'object' ? value.value ?? null : value ?? null);
const { format, feed } = parseFeed(text);
let result;
if (format === 'rss') {
  result = {
    title: feed.title,
    homeLink: feed.link,
    selfLink: feed.atom?.links?.find((l) => l.rel === 'self')?.href ?? null,
    items: (feed.items ?? []).map((item) => ({
      title: item.title,
      link: item.link,
      id: item.guid?.value ?? null,
      published: iso(item.pubDate),
      updated: null,
      author: item.dc?.creators?.[0] ?? item.dc?.creator ?? null,
      category: item.categories?.[0]?.name ?? null,
      summary: item.description ?? null,
      contentHtml: item.content?.encoded ?? null,
    })),
  };
} else if (format === 'atom') {
  result = {
    title: textOf(feed.title),
    homeLink: feed.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? null,
    selfLink: feed.links?.find((l) => l.rel === 'self')?.href ?? null,
    items: (feed.entries ?? []).map((entry) => ({
      title: textOf(entry.title),
      link: entry.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? null,
      id: entry.id,
      published: iso(entry.published),
      updated: iso(entry.updated),
      author: entry.authors?.[0]?.name ?? null,
      category: entry.categories?.[0]?.label ?? entry.categories?.[0]?.term ?? null,
      summary: textOf(entry.summary),
      contentHtml: textOf(entry.content),
    })),
  };
} else if (format === 'json') {
  result = {
    title: feed.title,
    homeLink: feed.home_page_url ?? null,
    selfLink: feed.feed_url ?? null,
    items: (feed.items ?? []).map((item) => ({
      title: item.title,
      link: item.url,
      id: item.id,
      published: iso(item.date_published),
      updated: iso(item.date_modified),
      author: item.authors?.[0]?.name ?? null,
      category: item.tags?.[0] ?? null,
      summary: item.summary ?? null,
      contentHtml: item.content_html ?? null,
    })),
  };
} else {
  console.error(`unexpected feed format ${format}`);
  process.exit(1);
}

console.log(`RESULT ${JSON.stringify({ format, ...result })}`);
