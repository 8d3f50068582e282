import type { RuleModule } from './types';

/** The public address of a rule's page. */
export const SITE_URL = 'https://shipshape.dev';
export function ruleUrl(name: string): string {
  return `${SITE_URL}/rules/${name}/`;
}

/**
 * Declares a rule: `meta` is data (severity, description, sources, messages), `create` returns
 * visitors per instruction keyword plus an optional `'Dockerfile:exit'` hook.
 * The type parameter ties `report({ messageId })` to the keys of `meta.messages`.
 */
export function defineRule<MessageIds extends string>(rule: RuleModule<MessageIds>): RuleModule<MessageIds> {
  return rule;
}
