/**
 * Script templates: `{{variable}}` placeholders filled from the lead, the research and the rep.
 * A name may have spaces inside the braces (`{{ company }}`); names are case-sensitive.
 */
export const SCRIPT_VARIABLES = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'title',
  'repName',
  'repPhone',
  'trigger',
  'painPoint',
  'techStack',
  'currentTool',
] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

export const isScriptVariable = (name: string): name is ScriptVariable =>
  (SCRIPT_VARIABLES as readonly string[]).includes(name);

/** The values a script is filled with; null, undefined or blank means not known. */
export type ScriptValues = Partial<Record<ScriptVariable, string | null | undefined>>;

/** One piece of a filled script: text as written, a filled variable, or a variable with no value. */
export type ScriptSegment =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: ScriptVariable; text: string }
  | { kind: 'missing'; name: ScriptVariable };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * What is wrong with a template's placeholders: names not in `SCRIPT_VARIABLES` (`{{compnay}}`) and
 * braces left open or unopened (`{{company`), each once, in order of appearance. Empty when the
 * template can be filled. Core turns a non-empty answer into `script_unknown_variable`.
 */
export const templateProblems = (body: string): string[] => {
  const problems: string[] = [];
  const add = (problem: string) => {
    if (!problems.includes(problem)) problems.push(problem);
  };
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isScriptVariable(name)) add(`{{${name}}}`);
  }
  const rest = body.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) add(rest.includes('{{') ? '{{' : '}}');
  return problems;
};

/**
 * Splits a template into text and variables, filling each from `values`. A variable with no value
 * (null, undefined or only spaces) becomes a `missing` segment, never its raw braces; an unknown name
 * (refused when saved, but possible in text typed for an estimate) is kept as plain text without braces.
 */
export const fillTemplate = (body: string, values: ScriptValues): ScriptSegment[] => {
  const segments: ScriptSegment[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += text;
    else segments.push({ kind: 'text', text });
  };
  let at = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    pushText(body.slice(at, match.index));
    at = match.index + match[0].length;
    const name = match[1] ?? '';
    if (!isScriptVariable(name)) {
      pushText(name);
      continue;
    }
    const value = values[name]?.trim();
    segments.push(value ? { kind: 'value', name, text: value } : { kind: 'missing', name });
  }
  pushText(body.slice(at));
  return segments;
};

/** The placeholder a missing variable shows in plain text (CLI, copy): `[company]`, never braces. */
export const missingPlaceholder = (name: ScriptVariable): string => `[${name}]`;

export type FilledScript = {
  /** The script as read, with `[name]` where a value is missing. */
  text: string;
  /** Variables the script uses that have no value, each once, in order of appearance. */
  missing: ScriptVariable[];
  segments: ScriptSegment[];
};

/** Fills a template (see `fillTemplate`) and joins it into text, listing what was missing. */
export const renderTemplate = (body: string, values: ScriptValues): FilledScript => {
  const segments = fillTemplate(body, values);
  const missing: ScriptVariable[] = [];
  const text = segments
    .map((segment) => {
      if (segment.kind !== 'missing') return segment.text;
      if (!missing.includes(segment.name)) missing.push(segment.name);
      return missingPlaceholder(segment.name);
    })
    .join('');
  return { text, missing, segments };
};

const CJK_NAME = /^[\p{Script=Han}\p{Script=Hangul}]{2,5}$/u;

/**
 * A person's first (given) and last (family) name from the one `name` a lead has. Written without
 * spaces in Chinese or Korean (`王伟`, `김민준`), the family name is the first character and the given
 * name the rest (two-character family names such as 欧阳 are read as one character plus the rest: a
 * known limit). Otherwise the first word is the first name and the last word the last name; a
 * one-word name has no last name.
 */
export const splitPersonName = (name: string): { firstName: string | null; lastName: string | null } => {
  const trimmed = name.trim();
  if (trimmed === '') return { firstName: null, lastName: null };
  if (CJK_NAME.test(trimmed)) return { firstName: trimmed.slice(1), lastName: trimmed.slice(0, 1) };
  const words = trimmed.split(/\s+/);
  return { firstName: words[0] ?? null, lastName: words.length > 1 ? (words.at(-1) ?? null) : null };
};

/** The inputs a script's variables come from. */
export type ScriptSources = {
  lead: { name: string; title: string | null; company: string | null };
  research: { triggerEvent: string; painPoint: string; techStack: string; currentTool: string } | null;
  rep: { repName: string; repPhone: string };
};

/** Every variable's value from the lead, its research facts and the rep's settings. */
export const scriptValues = ({ lead, research, rep }: ScriptSources): ScriptValues => ({
  ...splitPersonName(lead.name),
  fullName: lead.name,
  company: lead.company,
  title: lead.title,
  repName: rep.repName,
  repPhone: rep.repPhone,
  trigger: research?.triggerEvent,
  painPoint: research?.painPoint,
  techStack: research?.techStack,
  currentTool: research?.currentTool,
});
