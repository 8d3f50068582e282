/** Where another tool documents the rule a `tool:ID` source names. */
export interface SourceLink { tool: string; id: string; label: string; url: string | null }

const TOOL_LABEL: Record<string, string> = {
  hadolint: 'hadolint', buildkit: 'Docker', trivy: 'Trivy', checkov: 'Checkov', tally: 'tally', shellcheck: 'ShellCheck',
};

/** `JSONArgsRecommended` → `json-args-recommended`, as Docker's build-check pages are named. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

export function sourceLink(source: string): SourceLink {
  const [tool = '', id = ''] = source.split(':');
  const label = `${TOOL_LABEL[tool] ?? tool} ${id}`;
  let url: string | null = null;
  if (tool === 'hadolint') url = `https://github.com/hadolint/hadolint/wiki/${id}`;
  else if (tool === 'buildkit') url = `https://docs.docker.com/reference/build-checks/${kebab(id)}/`;
  else if (tool === 'trivy') url = `https://avd.aquasec.com/misconfig/${id.toLowerCase()}`;
  else if (tool === 'shellcheck') url = `https://www.shellcheck.net/wiki/${id}`;
  return { tool, id, label, url };
}
