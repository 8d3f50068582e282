import type { APIRoute } from 'astro';
import { rules, ruleUrl } from '~/engine/index';

/** The same list as `shipshape rules --format json`, built from each rule's meta. */
export const GET: APIRoute = () => new Response(JSON.stringify(rules.map((r) => ({
  name: r.name,
  severity: r.meta.severity,
  description: r.meta.description,
  sources: r.meta.sources ?? [],
  url: ruleUrl(r.name),
  fixable: r.meta.fixable === 'safe',
  ...(r.meta.enabledByDefault === false ? { enabledByDefault: false } : {}),
})), null, 2), { headers: { 'Content-Type': 'application/json' } });
