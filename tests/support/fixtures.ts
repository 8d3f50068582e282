import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Root of the fixture Dockerfiles: flat files plus `good/` (genuinely good practice) and `bad/`. */
export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'dockerfiles');

export interface FixtureFile { name: string; text: string }

/** Every fixture Dockerfile under `dir`, recursively, sorted by path (`good/flask.Dockerfile`). */
export function fixtureDockerfiles(dir = FIXTURE_DIR): FixtureFile[] {
  const walk = (d: string): string[] => readdirSync(d).sort().flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : /Dockerfile$/i.test(f) ? [p] : [];
  });
  return walk(dir).map((p) => ({ name: relative(dir, p), text: readFileSync(p, 'utf8') }));
}
