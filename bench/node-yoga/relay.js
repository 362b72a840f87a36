// Relay IDs, keyset cursors and dates, encoded exactly as NewsGraph encodes them, so that this server's answers are
// byte-equal to NewsGraph's and it accepts the very cursor a client got from NewsGraph (the deep-page workload sends one).
import { createHash } from 'node:crypto';

// NewsGraph's IDs are Hot Chocolate's: base64 of "Type:id" (src/NewsGraph.GraphQL/Relay/NodeId.cs).
export const toGlobalId = (type, id) => Buffer.from(`${type}:${id}`).toString('base64');

// .NET DateTime ticks (100 ns since 0001-01-01) at the Unix epoch.
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
const TICKS_PER_SECOND = 10_000_000n;
const DATE_TIME_KIND_UTC = 1;

// EF Core stores a DateTime in SQLite as text, "yyyy-MM-dd HH:mm:ss.FFFFFFF" (the fraction without trailing zeros).
const STORED_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?$/;

/** A stored date as NewsGraph's DateTime scalar writes it: ISO 8601 UTC, milliseconds cut (not rounded), like .NET's "fff". */
export function toIsoDate(stored) {
  const [, date, time, fraction = ''] = STORED_DATE.exec(stored);
  return `${date}T${time}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
}

function toTicks(stored) {
  const [, date, time, fraction = ''] = STORED_DATE.exec(stored);
  const seconds = BigInt(Date.parse(`${date}T${time}Z`) / 1000);
  return UNIX_EPOCH_TICKS + seconds * TICKS_PER_SECOND + BigInt(fraction.padEnd(7, '0'));
}

function fromTicks(ticks) {
  const sinceEpoch = ticks - UNIX_EPOCH_TICKS;
  const whole = new Date(Number(sinceEpoch / TICKS_PER_SECOND) * 1000).toISOString();
  const fraction = String(sinceEpoch % TICKS_PER_SECOND).padStart(7, '0').replace(/0+$/, '');
  return `${whole.slice(0, 10)} ${whole.slice(11, 19)}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Keyset cursors for one ordering (src/NewsGraph.GraphQL/Data/Paging/KeysetCursor.cs): base64 of the JSON array
 * [fingerprint, key1, key2, ...]. The fingerprint is the first 6 bytes of SHA-256 over the entity's CLR type name and the
 * ordering, so a cursor of another field or ordering is refused. A DateTime key is "ticks:kind", an int its digits.
 */
export class KeysetCursor {
  constructor(clrTypeName, order) {
    const signature = `${clrTypeName}|${order.map(([name, direction]) => `${name}${direction === 'DESC' ? '-' : '+'}`).join(',')}`;
    this.fingerprint = createHash('sha256').update(signature).digest().subarray(0, 6).toString('base64');
  }

  /** The cursor of the row whose newest-first keys are (publishedAt, id). */
  encode(publishedAt, id) {
    // .NET's default JSON encoder writes '+' as \u002B (it escapes HTML-sensitive characters); base64 can hold one.
    const json = JSON.stringify([this.fingerprint, `${toTicks(publishedAt)}:${DATE_TIME_KIND_UTC}`, String(id)]).replaceAll('+', '\\u002B');
    return Buffer.from(json).toString('base64');
  }

  /** The (publishedAt as stored, id) keys of a cursor, or null when it is not one of this ordering's. */
  decode(cursor) {
    try {
      const items = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
      if (!Array.isArray(items) || items.length !== 3 || items[0] !== this.fingerprint) {
        return null;
      }
      const [, published, id] = items;
      const [, ticks] = /^(\d+):\d+$/.exec(published) ?? [];
      return ticks && /^\d+$/.test(id) ? { publishedAt: fromTicks(BigInt(ticks)), id: Number(id) } : null;
    } catch {
      return null;
    }
  }
}
