import { z } from 'zod';
import { MAX_TAGS_PER_VM, TAG_PATTERN, tagProblem } from './rules';

/**
 * A VM's tags in a request body (the create wizard, placement): each trimmed and lowercased, then held to the tag
 * rules (the pattern is in the API description, the message is lib/tags' own), repeats dropped, none given is none.
 */
export const tagListSchema = z
  .array(
    z
      .string({ error: 'Each tag is a string.' })
      .trim()
      .toLowerCase()
      .regex(TAG_PATTERN, { error: (issue) => tagProblem(String(issue.input ?? '')) ?? 'That is not a tag.' }),
    { error: 'The tags are a list of words.' },
  )
  .max(MAX_TAGS_PER_VM, `A VM has at most ${MAX_TAGS_PER_VM} tags.`)
  .default([])
  .transform((tags) => [...new Set(tags)]);
