// Marks ```dockerfile incorrect / ```dockerfile correct fences: a label before the block
// ("Incorrect" / "Correct") and a data attribute the playground link and styles read.
// Options JSON after the kind (```dockerfile incorrect {"target":"app"}) is for the tests only.

/** @param {any} node @param {(n: any) => void} fn */
function walk(node, fn) {
  fn(node);
  if (node.children) for (const child of node.children) walk(child, fn);
}

export function remarkExampleBlocks() {
  /** @param {any} tree */
  return (tree) => {
    /** @type {Array<{ parent: any, index: number, kind: string }>} */
    const found = [];
    walk(tree, (node) => {
      if (!node.children) return;
      node.children.forEach((/** @type {any} */ child, /** @type {number} */ index) => {
        if (child.type !== 'code') return;
        if (child.lang === 'dockerignore') {
          child.lang = 'text';
          child.meta = '';
          return;
        }
        const kind = /^(incorrect|correct)\b/.exec(child.meta ?? '')?.[1];
        if (child.lang === 'dockerfile' && child.meta) child.meta = '';
        if (kind) found.push({ parent: node, index, kind });
      });
    });
    for (const { parent, index, kind } of found.reverse()) {
      const label = kind === 'incorrect' ? '✗ Incorrect' : '✓ Correct';
      const code = parent.children[index];
      parent.children.splice(index, 1, {
        type: 'html',
        value: `<figure class="example example--${kind}" data-example="${kind}"><figcaption class="example__label">${label}</figcaption>`,
      }, code, { type: 'html', value: '</figure>' });
    }
  };
}
