import { describe, expect, it } from 'vitest';
import { decodeHash, encodeState, MAX_HASH_LENGTH } from '~/playground/share';

describe('share links', () => {
  it('round-trip the Dockerfile and the .dockerignore', () => {
    const state = { dockerfile: 'FROM python:3.12-slim\nRUN echo "ünïcödé ✓" <script>\n', dockerignore: '.git\n**/*.pyc\n' };
    const hash = `#${encodeState(state)}`;
    expect(decodeHash(hash)).toEqual({ ok: true, state });
  });
  it('keep a missing .dockerignore missing', () => {
    expect(decodeHash(`#${encodeState({ dockerfile: 'FROM x', dockerignore: null })}`)).toEqual({ ok: true, state: { dockerfile: 'FROM x', dockerignore: null } });
  });
  it('ignore hashes that are not share links', () => {
    expect(decodeHash('')).toBeNull();
    expect(decodeHash('#heading')).toBeNull();
  });
  it.each([
    ['empty', '#code='],
    ['garbage', '#code=%%%'],
    ['truncated', `#${encodeState({ dockerfile: 'FROM python:3.12-slim\n'.repeat(20), dockerignore: null })}`.slice(0, 40)],
    ['oversized', `#code=${'A'.repeat(MAX_HASH_LENGTH + 1)}`],
  ])('reject a %s link with a message', (_name, hash) => {
    const r = decodeHash(hash);
    expect(r && !r.ok && r.error.length > 10).toBe(true);
  });
});
