/**
 * Message templates: plain text with `{{name}}` placeholders (spaces inside the braces allowed).
 * Pure, shared by the server (rendering, validation) and the admin screen (live preview).
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Placeholders the template uses that are not among `allowed`; also a `{{` that is never closed. */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  const bad = placeholdersIn(template).filter((p) => !allowed.includes(p));
  const leftover = template.replace(PLACEHOLDER, '');
  if (leftover.includes('{{') || leftover.includes('}}')) bad.push(leftover.includes('{{') ? '{{' : '}}');
  return bad;
}

/** Fills the placeholders; a value not given is left empty (never the raw `{{name}}`). */
export function fillTemplate(template: string, vars: Record<string, string | number | undefined>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    return v === undefined ? '' : String(v);
  });
}
