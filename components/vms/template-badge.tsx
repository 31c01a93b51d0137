// Marks a template in the VM list and on its page.

export function TemplateBadge() {
  return (
    <span
      className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900"
      data-testid="template-badge"
      title="Never started; the source of clones"
    >
      Template
    </span>
  );
}
