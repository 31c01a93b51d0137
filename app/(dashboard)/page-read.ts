import { describeError } from '@/lib/vms/errors';

export type PageRead<T> = { value: T; problem: null } | { value: null; problem: string };

/**
 * A page's read on the server: the value, or the plain-words reason it failed, which the page shows in place of
 * the view. (Rendering inside try/catch would not catch a component's own errors; reading first keeps the two apart.)
 */
export async function pageRead<T>(read: () => Promise<T>, what: string): Promise<PageRead<T>> {
  try {
    return { value: await read(), problem: null };
  } catch (err) {
    return { value: null, problem: describeError(err, what).message };
  }
}
