// What a tag may be, in one place for the service and the browser (pure: the tag editor checks as you type).
// Lowercase so "DB" and "db" are one tag; short and plain so a tag reads the same in a URL, a cron schedule's scope,
// an alert label and a shell.

export const MAX_TAG_LENGTH = 32;
export const MAX_TAGS_PER_VM = 16;
export const TAG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,31}$/;
/** A tag as an API client may send it: capitals are lowercased on the way in. */
export const TAG_INPUT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Why `tag` (already trimmed and lowercased) is not a tag, or null when it is one. */
export function tagProblem(tag: string): string | null {
  if (!tag) return 'A tag cannot be empty.';
  if (tag.length > MAX_TAG_LENGTH) return `"${tag.slice(0, 40)}${tag.length > 40 ? '…' : ''}" is too long: tags are at most ${MAX_TAG_LENGTH} characters.`;
  if (/[A-Z]/.test(tag)) return `"${tag}" has capitals: tags are lowercase ("${tag.toLowerCase()}").`;
  if (!/^[a-z0-9]/.test(tag)) return `"${tag}" must start with a letter or a digit.`;
  const bad = [...new Set(tag.replace(/[a-z0-9._-]/g, ''))];
  if (bad.length) return `"${tag}" has ${bad.map((c) => (c === ' ' ? 'a space' : `"${c}"`)).join(', ')}: tags use letters, digits, ".", "_" and "-".`;
  return TAG_PATTERN.test(tag) ? null : `"${tag}" is not a tag.`;
}

/** How a typed tag is stored: trimmed and lowercased. */
export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase();
}

export type TagsCheck = { ok: true; tags: string[] } | { ok: false; fields: Record<string, string> };

/**
 * A VM's new tag list: each normalized, repeats dropped (first place kept), at most MAX_TAGS_PER_VM. Problems are
 * per field (`tags.2`) with `tags` for the list as a whole.
 */
export function checkTags(input: readonly unknown[]): TagsCheck {
  const fields: Record<string, string> = {};
  const tags: string[] = [];
  input.forEach((raw, i) => {
    if (typeof raw !== 'string') {
      fields[`tags.${i}`] = 'Each tag is a string.';
      return;
    }
    const tag = normalizeTag(raw);
    const problem = tagProblem(tag);
    if (problem) fields[`tags.${i}`] = problem;
    else if (!tags.includes(tag)) tags.push(tag);
  });
  if (tags.length > MAX_TAGS_PER_VM) fields.tags = `A VM has at most ${MAX_TAGS_PER_VM} tags; this list has ${tags.length}.`;
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, tags };
}
