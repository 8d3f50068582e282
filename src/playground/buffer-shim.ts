/**
 * dockerfile-ast checks for a byte-order mark with Node's `Buffer.from(char, 'UTF-8')`, the only
 * Node API it touches. Browsers have no `Buffer`; this gives it the one call it makes, through
 * TextEncoder. Import it before the engine in every browser entry.
 */
const g = globalThis as unknown as { Buffer?: unknown };
if (typeof g.Buffer === 'undefined') {
  g.Buffer = { from: (text: string) => new TextEncoder().encode(String(text)) };
}
export {};
