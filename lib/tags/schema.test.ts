import { describe, expect, it } from 'vitest';
import { tagListSchema } from './schema';

describe('tagListSchema', () => {
  it('lowercases and drops repeats; none given is none', () => {
    expect(tagListSchema.parse(['DB', 'db', 'prod'])).toEqual(['db', 'prod']);
    expect(tagListSchema.parse(undefined)).toEqual([]);
  });

  it('refuses a bad tag with lib/tags’ message at its place in the list', () => {
    const r = tagListSchema.safeParse(['ok', 'a b']);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: [1], message: '"a b" has a space: tags use letters, digits, ".", "_" and "-".' });
  });

  it('refuses what the API description refuses: a tag with spaces around it is not silently trimmed', () => {
    expect(tagListSchema.safeParse([' db']).error?.issues[0]?.message).toBe('A tag has no spaces around it.');
  });

  it('refuses more than 16 tags', () => {
    expect(tagListSchema.safeParse(Array.from({ length: 17 }, (_, i) => `t${i}`)).success).toBe(false);
  });
});
