/**
 * The playground: Monaco with the Dockerfile grammar, the rule engine in a Web Worker, markers,
 * hovers that link to rule pages, quick fixes, a problems panel, presets, share links and local
 * persistence. Every piece of pasted text is handled as text: no innerHTML anywhere.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import EditorWorker from 'monaco-editor/editor/editor.worker.start?worker';
import type { Finding, Fix, Severity } from '~/engine/types';
import LintWorker from './lint.worker?worker';
import type { LintRequest, LintResponse } from './lint.worker';
import { DEFAULT_PRESET, PRESETS } from './presets';
import { decodeHash, encodeState, type SharedState } from './share';
import { readMeasuredLines, registerMeasuredHover } from './measured-hover';

const STORAGE_KEY = 'shipshape.playground.v1';
const PREVIOUS_KEY = 'shipshape.playground.previous';
const OWNER = 'shipshape';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

const $ = <T extends HTMLElement>(selector: string) => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`playground: missing ${selector}`);
  return el;
};

function load(key: string): SharedState | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SharedState>;
    return typeof v.dockerfile === 'string' ? { dockerfile: v.dockerfile, dockerignore: typeof v.dockerignore === 'string' ? v.dockerignore : null } : null;
  } catch {
    return null;
  }
}

function save(key: string, state: SharedState): void {
  try {
    localStorage.setItem(key, JSON.stringify(state));
  } catch {
    /* storage full or disabled: the editor keeps working */
  }
}

/** A notice above the editor; text only. */
function notice(kind: 'error' | 'info', text: string, action?: { label: string; run: () => void }): void {
  const box = $('[data-testid="notice"]');
  box.replaceChildren();
  box.hidden = false;
  box.dataset.kind = kind;
  const p = document.createElement('p');
  p.textContent = text;
  box.append(p);
  if (action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = action.label;
    b.addEventListener('click', () => { action.run(); box.hidden = true; });
    box.append(b);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice__close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => { box.hidden = true; });
  box.append(close);
}

function initialState(): SharedState {
  const saved = load(STORAGE_KEY);
  const fallback: SharedState = saved ?? { dockerfile: DEFAULT_PRESET.dockerfile, dockerignore: DEFAULT_PRESET.dockerignore ?? null };
  const decoded = decodeHash(location.hash);
  if (!decoded) return fallback;
  // The hash has been read: take it out of the address, so a reload keeps later edits.
  history.replaceState(null, '', location.pathname + location.search);
  if (!decoded.ok) {
    notice('error', `${decoded.error} Your text is unchanged.`);
    return fallback;
  }
  const shared = decoded.state;
  if (saved && (saved.dockerfile !== shared.dockerfile || saved.dockerignore !== shared.dockerignore)) {
    save(PREVIOUS_KEY, saved);
    notice('info', 'Opened a shared Dockerfile. The text you had before is kept.', {
      label: 'Restore my previous text',
      run: () => setState(saved),
    });
  }
  return shared;
}

const SEVERITY: Record<Severity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
  style: monaco.MarkerSeverity.Info,
};

const state = initialState();
const dockerfileModel = monaco.editor.createModel(state.dockerfile, 'dockerfile', monaco.Uri.parse('inmemory://shipshape/Dockerfile'));
const ignoreModel = monaco.editor.createModel(state.dockerignore ?? '', 'plaintext', monaco.Uri.parse('inmemory://shipshape/.dockerignore'));
const dark = matchMedia('(prefers-color-scheme: dark)');
const editor = monaco.editor.create($('[data-testid="editor"]'), {
  model: dockerfileModel,
  theme: dark.matches ? 'vs-dark' : 'vs',
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 14,
  scrollBeyondLastLine: false,
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
  ariaLabel: 'Dockerfile editor',
  fixedOverflowWidgets: true,
});
dark.addEventListener('change', () => monaco.editor.setTheme(dark.matches ? 'vs-dark' : 'vs'));

let findings: Finding[] = [];
// Rules whose cost the project measured show that figure in their hover (issue #7).
registerMeasuredHover(monaco, dockerfileModel, () => findings, readMeasuredLines(document.querySelector<HTMLElement>('[data-measured-costs]')));
let hasIgnore = state.dockerignore !== null;

function setState(next: SharedState): void {
  hasIgnore = next.dockerignore !== null;
  ignoreModel.setValue(next.dockerignore ?? '');
  // pushEditOperations keeps the change undoable, unlike setValue.
  dockerfileModel.pushEditOperations([], [{ range: dockerfileModel.getFullModelRange(), text: next.dockerfile }], () => null);
  showTab('dockerfile');
}

function currentState(): SharedState {
  const ignore = ignoreModel.getValue();
  return { dockerfile: dockerfileModel.getValue(), dockerignore: hasIgnore || ignore ? ignore : null };
}

// Linting runs in a worker so that a 5,000-line paste never blocks typing.
const worker = new LintWorker();
let busy = false;
let pending = false;
function requestLint(): void {
  if (busy) { pending = true; return; }
  busy = true;
  pending = false;
  const s = currentState();
  const request: LintRequest = { id: dockerfileModel.getVersionId() * 100_000 + ignoreModel.getVersionId(), dockerfile: s.dockerfile, dockerignore: s.dockerignore };
  worker.postMessage(request);
}
worker.onmessage = (event: MessageEvent<LintResponse>) => {
  busy = false;
  const current = dockerfileModel.getVersionId() * 100_000 + ignoreModel.getVersionId();
  if (event.data.id === current) render(event.data.findings, event.data.ms);
  if (pending || event.data.id !== current) requestLint();
};
worker.onerror = () => {
  busy = false;
  notice('error', 'The rule engine stopped unexpectedly. Your text is safe; edit it to try again.');
};

function markerFor(f: Finding): monaco.editor.IMarkerData {
  const a = dockerfileModel.getPositionAt(f.start);
  const b = dockerfileModel.getPositionAt(f.end);
  return {
    severity: SEVERITY[f.severity],
    message: f.message,
    source: 'Shipshape',
    code: { value: f.rule, target: monaco.Uri.parse(new URL(`/rules/${f.rule}/`, location.origin).href) },
    startLineNumber: a.lineNumber,
    startColumn: a.column,
    endLineNumber: b.lineNumber,
    endColumn: f.end > f.start ? b.column : b.column + 1,
  };
}

function render(next: Finding[], ms: number): void {
  findings = next;
  monaco.editor.setModelMarkers(dockerfileModel, OWNER, next.map(markerFor));
  const list = $('[data-testid="problems"]');
  const rows = next.map((f, i) => {
    const li = document.createElement('li');
    li.dataset.rule = f.rule;
    li.dataset.line = String(f.line);
    li.dataset.severity = f.severity;
    const jump = document.createElement('button');
    jump.type = 'button';
    jump.className = 'problem__jump';
    const sev = document.createElement('span');
    sev.className = `sev sev--${f.severity}`;
    sev.textContent = f.severity;
    const where = document.createElement('span');
    where.className = 'problem__where';
    where.textContent = `${f.line}:${f.column}`;
    const msg = document.createElement('span');
    msg.className = 'problem__message';
    msg.textContent = f.message;
    jump.append(sev, where, msg);
    jump.addEventListener('click', () => {
      showTab('dockerfile');
      const m = markerFor(f);
      editor.setSelection({ startLineNumber: m.startLineNumber, startColumn: m.startColumn, endLineNumber: m.endLineNumber, endColumn: m.endColumn });
      editor.revealRangeInCenter({ startLineNumber: m.startLineNumber, startColumn: m.startColumn, endLineNumber: m.endLineNumber, endColumn: m.endColumn });
      editor.focus();
    });
    const link = document.createElement('a');
    link.href = `/rules/${f.rule}/`;
    link.className = 'problem__rule';
    link.textContent = f.rule;
    li.append(jump, link);
    if (f.fix) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'problem__fix';
      fix.textContent = 'Fix';
      fix.title = f.fix.title;
      fix.dataset.testid = `fix-${i}`;
      fix.addEventListener('click', () => applyFix(f.fix!));
      li.append(fix);
    }
    return li;
  });
  list.replaceChildren(...rows);
  const counts = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of next) counts[f.severity]++;
  $('[data-testid="summary"]').textContent = next.length
    ? `${next.length} problem${next.length === 1 ? '' : 's'}: ${counts.error} errors, ${counts.warning} warnings, ${counts.info + counts.style} notes · linted in ${ms.toFixed(1)} ms`
    : `No problems · linted in ${ms.toFixed(1)} ms`;
  $<HTMLButtonElement>('[data-testid="fix-all"]').disabled = !next.some((f) => f.fix);
  document.body.dataset.linted = String(dockerfileModel.getVersionId());
  if (fixRounds > 0) fixAll(false);
  if (editedAt) latencies.push(performance.now() - editedAt);
  editedAt = 0;
}

function toEdit(e: { start: number; end: number; text: string }): monaco.editor.IIdentifiedSingleEditOperation {
  const a = dockerfileModel.getPositionAt(e.start);
  const b = dockerfileModel.getPositionAt(e.end);
  return { range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text };
}

function applyFix(fix: Fix): void {
  editor.pushUndoStop();
  dockerfileModel.pushEditOperations([], fix.edits.map(toEdit), () => null);
  editor.pushUndoStop();
}

/** Fixes left to apply in later rounds (a fix can make room for another at the same spot). */
let fixRounds = 0;
/** When the text last changed; the time from there to new markers is the latency `npm run bench:web` reports. */
let editedAt = 0;
const latencies: number[] = [];
(window as unknown as { __shipshapeLatencies?: number[] }).__shipshapeLatencies = latencies;

/** Applies every safe fix that does not overlap another; later lints apply the rest, up to 10 rounds. */
function fixAll(first = true): void {
  if (first) fixRounds = 10;
  const taken: Array<[number, number]> = [];
  const edits: monaco.editor.IIdentifiedSingleEditOperation[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const clash = f.fix.edits.some((e) => taken.some(([s, t]) => (e.start < t && s < e.end) || (e.start === s && e.end === t)));
    if (clash) continue;
    for (const e of f.fix.edits) { taken.push([e.start, e.end]); edits.push(toEdit(e)); }
  }
  if (!edits.length) { fixRounds = 0; editor.pushUndoStop(); return; }
  fixRounds--;
  if (first) editor.pushUndoStop();
  dockerfileModel.pushEditOperations([], edits, () => null);
  if (fixRounds <= 0) editor.pushUndoStop();
}

monaco.languages.registerCodeActionProvider('dockerfile', {
  provideCodeActions(model, _range, context) {
    if (model !== dockerfileModel) return { actions: [], dispose() {} };
    const actions: monaco.languages.CodeAction[] = [];
    for (const marker of context.markers) {
      if (marker.source !== 'Shipshape') continue;
      const rule = typeof marker.code === 'object' ? marker.code.value : marker.code;
      const f = findings.find((x) => x.rule === rule && markerFor(x).startLineNumber === marker.startLineNumber && markerFor(x).startColumn === marker.startColumn);
      if (!f) continue;
      const fixes: Array<[Fix, boolean]> = [];
      if (f.fix) fixes.push([f.fix, true]);
      for (const s of f.suggestions ?? []) fixes.push([s, false]);
      for (const [fix, safe] of fixes) {
        actions.push({
          title: safe ? fix.title : `${fix.title} (unsafe: review the change)`,
          kind: 'quickfix',
          diagnostics: [marker],
          isPreferred: safe,
          edit: { edits: fix.edits.map((e) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toEdit(e).range, text: e.text } })) },
        });
      }
    }
    return { actions, dispose() {} };
  },
});

// Tabs: Dockerfile and .dockerignore share one editor, each with its own model (and undo stack).
function showTab(which: 'dockerfile' | 'dockerignore'): void {
  editor.setModel(which === 'dockerfile' ? dockerfileModel : ignoreModel);
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const selected = tab.dataset.tab === which;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
}
for (const tab of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
  tab.addEventListener('click', () => showTab(tab.dataset.tab as 'dockerfile' | 'dockerignore'));
  tab.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = tab.dataset.tab === 'dockerfile' ? 'dockerignore' : 'dockerfile';
    showTab(next);
    document.querySelector<HTMLButtonElement>(`[role="tab"][data-tab="${next}"]`)?.focus();
  });
}

const presetSelect = $<HTMLSelectElement>('[data-testid="presets"]');
for (const group of ['Serving images', 'Recommended', 'Guide examples'] as const) {
  const og = document.createElement('optgroup');
  og.label = group;
  for (const p of PRESETS.filter((x) => x.group === group)) {
    const o = document.createElement('option');
    o.value = p.id;
    o.textContent = p.title;
    og.append(o);
  }
  presetSelect.append(og);
}
presetSelect.addEventListener('change', () => {
  const p = PRESETS.find((x) => x.id === presetSelect.value);
  if (p) setState({ dockerfile: p.dockerfile, dockerignore: p.dockerignore ?? null });
  presetSelect.value = '';
});

$('[data-testid="fix-all"]').addEventListener('click', () => fixAll());
$('[data-testid="copy-link"]').addEventListener('click', async () => {
  const url = `${location.origin}${location.pathname}#${encodeState(currentState())}`;
  const out = $<HTMLInputElement>('[data-testid="share-url"]');
  out.value = url;
  out.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    $('[data-testid="share-status"]').textContent = 'Link copied.';
  } catch {
    out.select();
    $('[data-testid="share-status"]').textContent = 'Copy the link from the box.';
  }
});

let saveTimer = 0;
const persist = () => save(STORAGE_KEY, currentState());
for (const model of [dockerfileModel, ignoreModel]) {
  model.onDidChangeContent(() => {
    if (!editedAt) editedAt = performance.now();
    if (model === ignoreModel) hasIgnore = true;
    requestLint();
    clearTimeout(saveTimer);
    saveTimer = window.setTimeout(persist, 150);
  });
}
addEventListener('pagehide', persist);
addEventListener('hashchange', () => {
  const decoded = decodeHash(location.hash);
  if (!decoded) return;
  history.replaceState(null, '', location.pathname + location.search);
  if (!decoded.ok) { notice('error', `${decoded.error} Your text is unchanged.`); return; }
  const before = currentState();
  save(PREVIOUS_KEY, before);
  setState(decoded.state);
  notice('info', 'Opened a shared Dockerfile. The text you had before is kept.', { label: 'Restore my previous text', run: () => setState(before) });
});

persist();
requestLint();
document.body.dataset.playground = 'ready';
