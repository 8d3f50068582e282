import { describe, expect, it } from 'vitest';
import { lint } from '~/engine/index';
import { PRESETS } from '~/playground/presets';

describe('playground presets', () => {
  for (const p of PRESETS) {
    // The recommended image and the virtualenv serving variant show the fixed patterns.
    const clean = p.group === 'Recommended' || p.id === 'serving-venv';
    it(`${p.id} lints ${clean ? 'clean' : 'with findings'}`, () => {
      const found = lint(p.dockerfile, { dockerignore: p.dockerignore ?? null }).filter((f) => f.severity === 'error' || f.severity === 'warning');
      if (clean) expect(found.map((f) => f.rule)).toEqual([]);
      else expect(found.length).toBeGreaterThan(0);
    });
  }
});
