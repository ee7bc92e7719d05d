/**
 * The runbook Markdown's one convention the app relies on: each alert's section starts with an
 * `<a id="<alert id>"></a>` line (GitHub and other renderers jump to it). Grafana's Markdown
 * sanitiser drops `id` attributes, so the Runbooks page splits the text at these lines and gives
 * each section its id itself. The generator writes the line with `runbookAnchorLine`, the page
 * reads it with `runbookSections`: one format, written and read in one file.
 */
const ANCHOR_LINE = /^<a id="([a-z0-9][a-z0-9-]*)"><\/a>$/;

export function runbookAnchorLine(id: string): string {
  const line = `<a id="${id}"></a>`;
  if (!ANCHOR_LINE.test(line)) {
    throw new Error(`"${id}" cannot be a runbook anchor: use lower-case letters, digits and dashes.`);
  }
  return line;
}

export interface RunbookSection {
  /** The alert id the section is about; absent for the text before the first alert. */
  id?: string;
  markdown: string;
}

export function runbookSections(markdown: string): RunbookSection[] {
  const sections: RunbookSection[] = [{ markdown: '' }];
  for (const line of markdown.split('\n')) {
    const anchor = ANCHOR_LINE.exec(line);
    if (anchor) {
      sections.push({ id: anchor[1], markdown: '' });
    } else {
      sections[sections.length - 1].markdown += `${line}\n`;
    }
  }
  return sections.filter((s) => s.id !== undefined || s.markdown.trim() !== '');
}
