import { z } from 'zod';
import { MAX_TAGS_PER_VM, normalizeTag, TAG_INPUT_PATTERN, tagProblem } from './rules';

/**
 * A VM's tags in a request body (the create wizard, placement): each held to the tag rules as sent (the pattern is in
 * the API description, the message is lib/tags' own), then lowercased, repeats dropped, none given is none.
 */
export const tagListSchema = z
  .array(
    // Checked as sent, capitals allowed ("DB" is the tag "db"), so the API description's pattern says exactly what
    // is accepted; stored lowercased.
    z
      .string({ error: 'Each tag is a string.' })
      .regex(TAG_INPUT_PATTERN, { error: (issue) => tagProblem(normalizeTag(String(issue.input ?? ''))) ?? 'A tag has no spaces around it.' })
      .transform(normalizeTag),
    { error: 'The tags are a list of words.' },
  )
  .max(MAX_TAGS_PER_VM, `A VM has at most ${MAX_TAGS_PER_VM} tags.`)
  .default([])
  .transform((tags) => [...new Set(tags)]);
