/**
 * Rules whose cost the project measured (issue #7): each maps to a pair of example images that
 * differ by what the rule asks for, and to the guide chart that shows them. Rule pages and the
 * playground hover print the difference as one line with a link to that chart.
 *
 * Imported by site and playground pages only, never by the rule engine. The playground receives
 * the few finished lines (see `measuredCostLines`), not the data file.
 */
import { builds, formatDelta, labelInSentence, sizeDelta, type BuildsData, type VariantId } from './builds';

export interface RuleCost {
  /** The image the rule warns about. */
  worse: VariantId;
  /** The same image with the rule's advice applied. */
  better: VariantId;
  /** Guide slug and chart anchor (the chart's id on that guide page). */
  guide: string;
  anchor: string;
  /** What differs between the two images, completing "… than …". */
  what: string;
}

export const RULE_COSTS: Readonly<Record<string, RuleCost>> = {
  'full-python-base': {
    worse: 'full-single-stage', better: 'slim-single-stage', guide: 'multi-stage-builds', anchor: 'chart-multi-stage-sizes',
    what: 'the example app on the full python:3.11 image than on python:3.11-slim',
  },
  'wheels-left-in-image': {
    worse: 'wheels-copied', better: 'wheels-bind-mount', guide: 'multi-stage-builds', anchor: 'chart-wheels-sizes',
    what: 'wheels copied into the final stage than wheels bind-mounted from the builder',
  },
  'apt-get-missing-no-install-recommends': {
    worse: 'apt-recommends-kept', better: 'apt-minimal', guide: 'apt-packages', anchor: 'chart-apt-sizes',
    what: 'apt-get install with recommended packages and lists kept than with --no-install-recommends and the lists removed',
  },
  'apt-lists-not-removed': {
    worse: 'apt-recommends-kept', better: 'apt-minimal', guide: 'apt-packages', anchor: 'chart-apt-sizes',
    what: 'apt-get install with recommended packages and lists kept than with --no-install-recommends and the lists removed',
  },
  'pip-no-cache-dir': {
    worse: 'pip-cache-kept', better: 'pip-no-cache-dir', guide: 'pip-and-uv-caches', anchor: 'chart-pip-sizes',
    what: "pip install with its cache left in the layer than with --no-cache-dir",
  },
};

export interface MeasuredCost {
  rule: string;
  cost: RuleCost;
  /** worse minus better. */
  uncompressedBytes: number;
  compressedBytes: number;
  /** "Measured: 12.3 MB more (uncompressed) / 4.5 MB more (compressed) for …, measured on … 2026-11-23." */
  text: string;
  /** The chart that shows it: /guides/<guide>/#<anchor>. */
  href: string;
}

export const chartHref = (cost: RuleCost) => `/guides/${cost.guide}/#${cost.anchor}`;

/** The measured cost of a rule, or null when the rule has none or nothing was measured. */
export function measuredCost(rule: string, data: BuildsData | null = builds): MeasuredCost | null {
  const cost = RULE_COSTS[rule];
  if (!cost || !data) return null;
  const ids = new Set(data.variants.map((v) => v.id));
  if (!ids.has(cost.worse) || !ids.has(cost.better)) return null;
  const d = sizeDelta(cost.worse, cost.better, data);
  const text = `Measured: ${formatDelta(d.uncompressedBytes)} (uncompressed) / ${formatDelta(d.compressedBytes)} (compressed) `
    + `for ${cost.what}; ${labelInSentence(data).replace(/\.$/, '')}.`;
  return { rule, cost, uncompressedBytes: d.uncompressedBytes, compressedBytes: d.compressedBytes, text, href: chartHref(cost) };
}

/** Every measured rule's line and chart link: the small payload the playground carries. */
export function measuredCostLines(data: BuildsData | null = builds): Record<string, { text: string; href: string }> {
  const out: Record<string, { text: string; href: string }> = {};
  for (const rule of Object.keys(RULE_COSTS)) {
    const m = measuredCost(rule, data);
    if (m) out[rule] = { text: m.text, href: m.href };
  }
  return out;
}
