import type { Add } from 'dockerfile-ast';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import { unquote } from '~/engine/shell';

/** Archive suffixes ADD may extract (hadolint's list): such sources are left to ADD. */
const ARCHIVE = /\.(tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz|zst)$/;
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)|\.git(#.*)?$/;
/** Flags only ADD has: the instruction means ADD. */
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  name: 'add-instead-of-copy',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `COPY` instead of `ADD` for local files and directories',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL3020', 'trivy:DS-0005', 'checkov:CKV_DOCKER_4'],
    messages: {
      useCopy: '`ADD` copies local files here, but it also extracts any tar archive among them and its rules are harder to predict. Use `COPY`; keep `ADD` for URLs, Git repositories and archives you want extracted.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      ADD(add: Add, stage) {
        if (add.getFlags().some((f) => ADD_ONLY.has(f.getName().toLowerCase()))) return;
        // Heredocs are local content; otherwise at least one source must be a plain local path.
        let mixed = false;
        if (!(add as unknown as { getHeredocs(): unknown[] }).getHeredocs().length) {
          const c = copyArgs(model, add);
          if (!c || !c.sources.length) return;
          let local = 0;
          for (const s of c.sources) {
            const raw = unquote(s.value);
            const value = raw.includes('$') ? model.resolveInStage(raw, stage, add) : raw;
            if (value.includes('$')) return;
            if (REMOTE.test(value) || ARCHIVE.test(value)) mixed = true; else local++;
          }
          if (!local) return;
        }
        const keyword = add.getInstructionRange();
        const written = add.getInstruction();
        context.report({
          messageId: 'useCopy',
          range: keyword,
          // With a URL or an archive among the sources, COPY would not do: split the instruction by hand.
          suggestions: mixed ? [] : [{
            title: 'Use `COPY`',
            edits: [{ ...model.offsets(keyword), text: written === written.toLowerCase() ? 'copy' : 'COPY' }],
          }],
        });
      },
    };
  },
});
