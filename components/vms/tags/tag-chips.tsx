// A VM's tags as small chips (the VM list, the VM page). With `onRemove`, each chip has a button that takes it off.

export function TagChips({ tags, onRemove, onPick }: { tags: readonly string[]; onRemove?: (tag: string) => void; onPick?: (tag: string) => void }) {
  if (!tags.length) return null;
  return (
    <ul className="inline-flex flex-wrap items-center gap-1" aria-label="Tags">
      {tags.map((t) => (
        <li key={t} className="inline-flex items-center rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900" data-testid={`tag-chip-${t}`}>
          {onPick ? (
            <button type="button" className="hover:underline" title={`Show VMs tagged ${t}`} onClick={() => onPick(t)}>
              {t}
            </button>
          ) : (
            t
          )}
          {onRemove ? (
            <button type="button" className="ml-1 text-sky-700 hover:text-red-700" aria-label={`Remove tag ${t}`} onClick={() => onRemove(t)}>
              ×
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
