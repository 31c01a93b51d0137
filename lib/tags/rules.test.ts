import { describe, expect, it } from 'vitest';
import { checkTags, MAX_TAGS_PER_VM, normalizeTag, tagProblem } from './rules';

describe('tagProblem', () => {
  it('accepts lowercase letters, digits, ".", "_" and "-" after a letter or digit, up to 32 characters', () => {
    for (const t of ['db', 'web-1', 'eu.west_2', '9', 'a'.repeat(32)]) expect(tagProblem(t)).toBeNull();
  });

  it('says what is wrong', () => {
    expect(tagProblem('')).toBe('A tag cannot be empty.');
    expect(tagProblem('a'.repeat(33))).toMatch(/too long: tags are at most 32 characters/);
    expect(tagProblem('-db')).toBe('"-db" must start with a letter or a digit.');
    expect(tagProblem('.db')).toMatch(/must start with a letter or a digit/);
    expect(tagProblem('my db')).toBe('"my db" has a space: tags use letters, digits, ".", "_" and "-".');
    expect(tagProblem('a/b:c/')).toBe('"a/b:c/" has "/", ":": tags use letters, digits, ".", "_" and "-".');
    expect(tagProblem('Db')).toBe('"Db" has capitals: tags are lowercase ("db").');
    expect(tagProblem('<x>')).toMatch(/must start/);
  });
});

describe('checkTags', () => {
  it('trims, lowercases and drops repeats, keeping the first place', () => {
    expect(checkTags([' DB ', 'web', 'db', 'Web'])).toEqual({ ok: true, tags: ['db', 'web'] });
    expect(checkTags([])).toEqual({ ok: true, tags: [] });
    expect(normalizeTag('  Prod\t')).toBe('prod');
  });

  it('answers a message per bad entry', () => {
    expect(checkTags(['ok', 'no way', 3, ''])).toEqual({
      ok: false,
      fields: {
        'tags.1': '"no way" has a space: tags use letters, digits, ".", "_" and "-".',
        'tags.2': 'Each tag is a string.',
        'tags.3': 'A tag cannot be empty.',
      },
    });
  });

  it(`refuses more than ${MAX_TAGS_PER_VM} distinct tags, counting repeats once`, () => {
    const many = Array.from({ length: MAX_TAGS_PER_VM }, (_, i) => `t${i}`);
    expect(checkTags([...many, 't0', 'T1'])).toEqual({ ok: true, tags: many });
    expect(checkTags([...many, 'one-more'])).toEqual({ ok: false, fields: { tags: 'A VM has at most 16 tags; this list has 17.' } });
  });
});
