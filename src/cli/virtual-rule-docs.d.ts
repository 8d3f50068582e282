/** The text of every content/rules/<name>.mdx, embedded in the CLI bundle by src/tools/build-cli.mjs. */
declare module 'virtual:rule-docs' {
  const docs: Record<string, string>;
  export default docs;
}
