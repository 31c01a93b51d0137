/**
 * A moment in the reader's locale and time zone, with the exact time as its machine-readable value. The server
 * renders it in its own locale first; the browser's rendering replaces it, so React is told not to mind the
 * difference.
 */
export function When({ at, dateOnly = false, empty = '—' }: { at: string | null | undefined; dateOnly?: boolean; empty?: string }) {
  if (!at) return <>{empty}</>;
  const d = new Date(at);
  return (
    <time dateTime={at} title={d.toISOString()} suppressHydrationWarning>
      {dateOnly ? d.toLocaleDateString() : d.toLocaleString()}
    </time>
  );
}
