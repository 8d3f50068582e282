// Marks ```dockerfile incorrect / ```dockerfile correct fences: a label before the block
// ("Incorrect" / "Correct"), a data attribute for styles and tests, and under every Dockerfile
// block an "Open in playground" link carrying the block (and the page's .dockerignore block before
// it, if any) in the playground's share format (src/playground/share.ts).
// Options JSON after the kind (```dockerfile incorrect {"target":"app"}) is for the tests only.
import LZString from 'lz-string';

/** @param {string} dockerfile @param {string | null} dockerignore */
function playgroundHref(dockerfile, dockerignore) {
  /** @type {{ v: 1, d: string, i?: string }} */
  const payload = { v: 1, d: dockerfile };
  if (dockerignore) payload.i = dockerignore;
  return `/playground/#code=${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** @param {any} node @param {(n: any) => void} fn */
function walk(node, fn) {
  fn(node);
  if (node.children) for (const child of node.children) walk(child, fn);
}

export function remarkExampleBlocks() {
  /** @param {any} tree */
  return (tree) => {
    /** @type {Array<{ parent: any, index: number, kind: string, href: string }>} */
    const found = [];
    /** @type {string | null} */
    let dockerignore = null;
    walk(tree, (node) => {
      if (!node.children) return;
      node.children.forEach((/** @type {any} */ child, /** @type {number} */ index) => {
        if (child.type !== 'code') return;
        if (child.lang === 'dockerignore') {
          dockerignore = /none/.test(child.meta ?? '') ? null : child.value;
          child.lang = 'text';
          child.meta = '';
          return;
        }
        if (child.lang !== 'dockerfile' && child.lang !== 'Dockerfile') return;
        const kind = /^(incorrect|correct)\b/.exec(child.meta ?? '')?.[1] ?? 'plain';
        child.meta = '';
        found.push({ parent: node, index, kind, href: playgroundHref(`${child.value}\n`, dockerignore) });
      });
    });
    for (const { parent, index, kind, href } of found.reverse()) {
      const label = kind === 'incorrect' ? '✗ Incorrect' : kind === 'correct' ? '✓ Correct' : '';
      const code = parent.children[index];
      parent.children.splice(index, 1, {
        type: 'html',
        value: `<figure class="example example--${kind}" data-example="${kind}">${label ? `<figcaption class="example__label">${label}</figcaption>` : ''}`,
      }, code, { type: 'html', value: `<a class="example__open" href="${href}">Open in playground</a></figure>` });
    }
  };
}
