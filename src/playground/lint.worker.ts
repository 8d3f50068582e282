/// <reference lib="webworker" />
import './buffer-shim';
import { lint } from '../engine/index';
import type { Finding } from '../engine/types';

/** A lint request from the page; `id` lets the page drop answers to stale requests. */
export interface LintRequest { id: number; dockerfile: string; dockerignore: string | null }
export interface LintResponse { id: number; findings: Finding[]; ms: number }

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { id, dockerfile, dockerignore } = event.data;
  const t0 = performance.now();
  const findings = lint(dockerfile, { dockerignore });
  const response: LintResponse = { id, findings, ms: performance.now() - t0 };
  self.postMessage(response);
};
