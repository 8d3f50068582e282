import type { APIRoute } from 'astro';
import { rules, ruleSummary } from '~/engine/index';

/** The same list as `shipshape rules --format json`, built from each rule's meta. */
export const GET: APIRoute = () => new Response(JSON.stringify(rules.map(ruleSummary), null, 2), { headers: { 'Content-Type': 'application/json' } });
