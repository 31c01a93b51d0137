'use client';

import { useState } from 'react';
import { useVms } from '@/components/data/hooks';
import { Button } from '@/components/ui/button';
import { Options } from '@/components/ui/inputs';
import { CloneDialog } from '@/components/vms/clone-dialog';

/** The wizard's shortcut: a new VM as a clone of a template (linked unless the user picks a full copy). */
export function FromTemplate() {
  const templates = (useVms().data?.vms ?? []).filter((v) => v.template).map((v) => v.name);
  const [chosen, setChosen] = useState('');
  const [open, setOpen] = useState(false);
  if (templates.length === 0) return null;
  const source = chosen || templates[0]!;
  return (
    <section className="flex flex-wrap items-center gap-2 rounded-lg border border-violet-200 bg-violet-50 p-3 text-sm" data-testid="from-template">
      <span className="font-medium">From a template:</span>
      <select aria-label="Template" value={source} onChange={(e) => setChosen(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        <Options values={templates} />
      </select>
      <Button className="px-2 py-1 text-xs" onClick={() => setOpen(true)} data-testid="from-template-clone">
        Clone it…
      </Button>
      <span className="text-xs text-slate-600">A linked clone is ready in about a second; or fill in the wizard below.</span>
      {open ? <CloneDialog source={source} template onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
