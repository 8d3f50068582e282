/**
 * Issue #4's "done when": `shipshape rules --format json` lists every hadolint rule and every Docker
 * build check in some rule's `sources`, each in exactly one rule, and the contested rules are off or
 * info with a page that says what to do instead.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

// hadolint 2.14: DL3000–DL3067 and DL4000–DL4006, without the removed DL3005, DL3017, DL3031 and
// DL3039 and the never-assigned DL4002 (research/linters.md §1.1). DL1000/DL1001 are not rules.
const REMOVED = new Set(['DL3005', 'DL3017', 'DL3031', 'DL3039', 'DL4002']);
const HADOLINT = [
  ...Array.from({ length: 68 }, (_, i) => `DL${3000 + i}`),
  ...Array.from({ length: 7 }, (_, i) => `DL${4000 + i}`),
].filter((c) => !REMOVED.has(c));
// Docker's build checks (§2.1), less InvalidBaseImagePlatform: it needs the registry's image config.
const BUILDKIT = ['StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath', 'UndefinedVar',
  'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed', 'CopyIgnoredFile', 'InvalidDefinitionDescription',
  'ExposeProtoCasing', 'ExposeInvalidFormat'];

interface ListedRule { name: string; severity: string; enabledByDefault?: boolean; sources: string[] }
let listed: ListedRule[] = [];

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'src/tools/build-cli.mjs')], { stdio: 'pipe' });
  const out = execFileSync(process.execPath, [join(root, 'dist/cli/shipshape.js'), 'rules', '--format', 'json'], { encoding: 'utf8' });
  listed = JSON.parse(out) as ListedRule[];
}, 60_000);

const owners = (code: string) => listed.filter((r) => r.sources.includes(code)).map((r) => r.name);

describe('parity with hadolint and Docker build checks', () => {
  it('lists 70 hadolint codes and 21 build checks', () => {
    expect(HADOLINT).toHaveLength(70);
    expect(BUILDKIT).toHaveLength(21);
  });
  it.each(HADOLINT)('hadolint %s belongs to exactly one rule', (code) => {
    expect(owners(`hadolint:${code}`)).toHaveLength(1);
  });
  it.each(BUILDKIT)('build check %s belongs to exactly one rule', (code) => {
    expect(owners(`buildkit:${code}`)).toHaveLength(1);
  });
  it('no rule claims a hadolint code or a build check outside those lists', () => {
    const known = new Set([...HADOLINT.map((c) => `hadolint:${c}`), ...BUILDKIT.map((c) => `buildkit:${c}`)]);
    const claimed = listed.flatMap((r) => r.sources).filter((s) => /^(hadolint|buildkit):/.test(s));
    expect(claimed.filter((s) => !known.has(s))).toEqual([]);
  });

  // Contested: what each page must offer instead of the blanket rule.
  const contested: Array<[string, RegExp]> = [
    ['DL3008', /lock|snapshot|digest/i],
    ['DL3013', /lock|hash|constraint/i],
    ['DL3059', /cache|layer/i],
    ['DL3057', /orchestrat|kubernetes|probe/i],
  ];
  it.each(contested)('contested %s is off by default or info, and its page says what to do instead', (code, alternative) => {
    const [name] = owners(`hadolint:${code}`);
    const rule = listed.find((r) => r.name === name)!;
    expect(rule.enabledByDefault === false || rule.severity === 'info', `${name} (${code})`).toBe(true);
    const page = readFileSync(join(root, 'content/rules', `${name}.mdx`), 'utf8');
    expect(page).toMatch(alternative);
  });
});
