'use client';

import { useState } from 'react';
import { useVmTags } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import { useMutation } from '@/components/data/mutation';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/inputs';
import { ProblemNote } from '@/components/ui/problem-note';
import { MAX_TAGS_PER_VM, normalizeTag, tagProblem } from '@/lib/tags/rules';
import { TagChips } from './tag-chips';

// The VM page's tags: chips, and for those who may edit the VM a field to add one and a × on each to take it off.
// Each change is saved at once (the whole list, as the API takes it); the server checks again and says why it refuses.

const WHERE = { live: 'the running guest (transient VM)', persistent: 'the definition', both: 'the running guest and its definition' } as const;

export function VmTagsEditor({ name, canEdit }: { name: string; canEdit: boolean }) {
  const { data, error } = useVmTags(name);
  const host = useHostId();
  const save = useMutation();
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  const tags = data?.tags ?? [];

  async function store(next: string[]) {
    const r = await save.send(keys.vmTags(host, name), { method: 'PUT', body: { tags: next }, touches: [keys.vmTags(host, name), keys.vms(host)] });
    return r.ok;
  }

  async function add() {
    const tag = normalizeTag(draft);
    const problem = tagProblem(tag) ?? (tags.includes(tag) ? `"${tag}" is already there.` : null);
    const full = tags.length >= MAX_TAGS_PER_VM ? `A VM has at most ${MAX_TAGS_PER_VM} tags: remove one first.` : null;
    setDraftError(problem ?? full ?? undefined);
    if (problem || full) return;
    // Cleared as it is sent, so a tag typed meanwhile is not wiped when the save returns; back if it was refused.
    setDraft('');
    if (!(await store([...tags, tag]))) setDraft((d) => d || tag);
  }

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="vm-tags">
      <h2 className="mb-2 font-semibold">Tags</h2>
      {error ? <p className="text-red-700">{error.message}</p> : null}
      {data && !tags.length ? <p className="text-slate-500">No tags.</p> : null}
      <TagChips tags={tags} onRemove={canEdit && !save.busy ? (t) => void store(tags.filter((x) => x !== t)) : undefined} />
      {canEdit ? (
        <form
          className="mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <div className="w-56">
            <TextField
              label="Add a tag"
              testId="tag-input"
              value={draft}
              maxLength={64}
              error={draftError}
              hint={data ? `Lowercase letters, digits, ".", "_", "-"; saved in ${WHERE[data.writes]}.` : undefined}
              onChange={(v) => {
                setDraft(v);
                setDraftError(undefined);
              }}
            />
          </div>
          <Button type="submit" disabled={save.busy || !draft.trim()} data-testid="tag-add">
            Add
          </Button>
        </form>
      ) : null}
      {save.problem ? (
        <div className="mt-2">
          <ProblemNote problem={save.problem} />
        </div>
      ) : null}
    </section>
  );
}
