import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** What a share link carries: the Dockerfile and, optionally, its .dockerignore. */
export interface SharedState {
  dockerfile: string;
  dockerignore: string | null;
}

/** A hash longer than this is refused (browsers and chat tools truncate long URLs anyway). */
export const MAX_HASH_LENGTH = 200_000;
/** The decoded text is capped too, so a crafted hash cannot make the page decode megabytes. */
export const MAX_TEXT_LENGTH = 1_000_000;

export type DecodeResult = { ok: true; state: SharedState } | { ok: false; error: string };

/** `#code=<lz-string>`: version 1 of the format, a JSON object `{ "d": dockerfile, "i": dockerignore }`. */
export function encodeState(state: SharedState): string {
  const payload: { v: 1; d: string; i?: string } = { v: 1, d: state.dockerfile };
  if (state.dockerignore) payload.i = state.dockerignore;
  return `code=${compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** Reads a location hash; returns null when it carries no shared state at all. */
export function decodeHash(hash: string): DecodeResult | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith('code=')) return null;
  const data = h.slice(5);
  if (!data) return { ok: false, error: 'The link holds no Dockerfile (the #code= part is empty).' };
  if (data.length > MAX_HASH_LENGTH) return { ok: false, error: `The link is too long (${data.length.toLocaleString('en')} characters; the limit is ${MAX_HASH_LENGTH.toLocaleString('en')}).` };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(data);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, error: 'The link is damaged or cut short: its Dockerfile could not be decoded.' };
  if (json.length > MAX_TEXT_LENGTH) return { ok: false, error: 'The link decodes to more than 1 MB of text; it was not opened.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The link is damaged or cut short: its contents are not valid.' };
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as { d?: unknown }).d !== 'string') {
    return { ok: false, error: 'The link does not hold a Dockerfile in a format this version understands.' };
  }
  const p = parsed as { d: string; i?: unknown };
  return { ok: true, state: { dockerfile: p.d, dockerignore: typeof p.i === 'string' ? p.i : null } };
}
