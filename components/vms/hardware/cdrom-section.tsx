'use client';

import { useState } from 'react';
import type { CdromAdd, CdromMedia, DiskView } from '@/lib/hardware/types';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { CDROM_BUSES } from '@/lib/domain-xml/constants';
import { BusChoice } from './bus-choice';
import { useChange, type ChangeState } from './change';
import { useHardwareTab } from './context';
import { MediaFields, mediaBody, type MediaForm } from './media-fields';
import { ChangeResult } from './outcome';
import { Presence } from './presence';
import { RemoveDialog } from './remove-dialog';
import { ScopePicker, toScope, useScope } from './scope';
import { Section } from './section';

function liveReason(running: boolean, d: DiskView | null): string | undefined {
  return running && d && !d.inLive ? 'This drive is not in the running guest.' : undefined;
}

function InsertDialog({ drive, onClose, change }: { drive: DiskView | null; onClose: () => void; change: ChangeState }) {
  const { hw } = useHardwareTab();
  const open = drive !== null;
  const [media, setMedia] = useState<MediaForm>({ kind: 'volume', pool: '', volume: '' });
  const [scope, setScope, blocked] = useScope(hw.running, liveReason(hw.running, drive));

  async function save() {
    if (await change.submit(`/disks/${encodeURIComponent(drive!.target)}/media`, 'PUT', { ...toScope(scope), media: mediaBody(media) } satisfies CdromMedia))
      onClose();
  }
  return (
    <ChangeDialog
      open={open}
      title={`Insert media into ${drive?.target ?? ''}`}
      testId="insert-media-dialog"
      submitLabel="Insert media"
      busyLabel="Inserting…"
      busy={change.busy}
      problem={change.problem}
      submitDisabled={media.kind === 'volume' && !media.volume}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      {drive?.source ? <p className="text-slate-600">Replaces {drive.source}.</p> : null}
      <MediaFields value={media} onChange={setMedia} field={change.field} enabled={open} allowNone={false} name="insert-media-kind" />
      <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
    </ChangeDialog>
  );
}

function EjectDialog({ drive, onClose, change }: { drive: DiskView | null; onClose: () => void; change: ChangeState }) {
  const { hw } = useHardwareTab();
  const [scope, setScope, blocked] = useScope(hw.running, liveReason(hw.running, drive));
  return (
    <ChangeDialog
      open={drive !== null}
      title={`Eject ${drive?.target ?? ''}`}
      testId="eject-dialog"
      submitLabel="Eject media"
      busyLabel="Ejecting…"
      busy={change.busy}
      problem={change.problem}
      onClose={onClose}
      onSubmit={async () => {
        if (await change.submit(`/disks/${encodeURIComponent(drive!.target)}/media`, 'PUT', { ...toScope(scope), media: null } satisfies CdromMedia)) onClose();
      }}
    >
      <p>Ejects {drive?.source ?? 'the media'}. The drive stays; the image file is kept.</p>
      <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
    </ChangeDialog>
  );
}

function AddDriveDialog({ open, onClose, change }: { open: boolean; onClose: () => void; change: ChangeState }) {
  const { hw } = useHardwareTab();
  const offered = CDROM_BUSES.filter((b) => hw.diskBuses.includes(b));
  const [bus, setBus] = useState<string>(offered.includes('sata') ? 'sata' : (offered[0] ?? 'sata'));
  const [media, setMedia] = useState<MediaForm>({ kind: 'none' });
  const [scope, setScope, blocked] = useScope(hw.running);
  const liveEmpty = scope !== 'persistent' && media.kind === 'none';
  return (
    <ChangeDialog
      open={open}
      title="Add CD-ROM drive"
      testId="add-cdrom-dialog"
      submitLabel="Add drive"
      busyLabel="Adding…"
      busy={change.busy}
      problem={change.problem}
      onClose={onClose}
      onSubmit={async () => {
        const body: CdromAdd = { ...toScope(scope), bus: bus as CdromAdd['bus'] };
        if (media.kind !== 'none') body.media = mediaBody(media);
        if (await change.submit('/cdroms', 'POST', body)) onClose();
      }}
    >
      <BusChoice value={bus} onChange={setBus} offered={offered} all={CDROM_BUSES} machine={hw.boot.machine} error={change.field('bus')} />
      <MediaFields value={media} onChange={setMedia} field={change.field} enabled={open} allowNone name="add-drive-media-kind" />
      {liveEmpty ? (
        <p className="text-xs text-amber-800">This libvirt cannot hot-add an empty drive: choose media for a live add, or apply at next boot only.</p>
      ) : null}
      <p className="text-xs text-slate-500">Many guests only notice a new SATA or IDE drive after a reboot; SCSI drives appear at once.</p>
      <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
    </ChangeDialog>
  );
}

export function CdromSection() {
  const { vm, hw, canEdit } = useHardwareTab();
  const change = useChange();
  const [inserting, setInserting] = useState<DiskView | null>(null);
  const [ejecting, setEjecting] = useState<DiskView | null>(null);
  const [removing, setRemoving] = useState<DiskView | null>(null);
  const [adding, setAdding] = useState(false);
  const drives = hw.disks.filter((d) => d.device === 'cdrom');
  const open = (fn: () => void) => () => {
    change.reset();
    fn();
  };
  const dialogOpen = inserting || ejecting || removing || adding;

  return (
    <Section
      title="CD-ROM"
      testId="hw-cdroms"
      actions={
        canEdit ? (
          <Button className="px-2 py-1 text-xs" onClick={open(() => setAdding(true))}>
            Add drive…
          </Button>
        ) : null
      }
    >
      <ul className="divide-y divide-slate-100">
        {drives.map((d) => (
          <li key={d.target} data-testid={`cdrom-row-${d.target}`} className="flex flex-wrap items-center gap-2 py-1.5">
            <span className="font-mono text-xs">{d.target}</span>
            <span className="text-slate-500">{d.bus ?? ''}</span>
            <span className="break-all" data-testid="cdrom-media">
              {d.source ?? <span className="text-slate-500">empty</span>}
            </span>
            <Presence inLive={d.inLive} inPersistent={d.inPersistent} running={hw.running} />
            {canEdit ? (
              <span className="ml-auto inline-flex gap-1">
                <Button className="px-2 py-0.5 text-xs" aria-label={`Insert media into ${d.target}`} onClick={open(() => setInserting(d))}>
                  {d.source ? 'Change media…' : 'Insert media…'}
                </Button>
                {d.source ? (
                  <Button className="px-2 py-0.5 text-xs" aria-label={`Eject ${d.target}`} onClick={open(() => setEjecting(d))}>
                    Eject…
                  </Button>
                ) : null}
                <Button className="px-2 py-0.5 text-xs" aria-label={`Remove drive ${d.target}`} onClick={open(() => setRemoving(d))}>
                  Remove…
                </Button>
              </span>
            ) : null}
          </li>
        ))}
        {drives.length === 0 ? <li className="py-1.5 text-slate-500">No CD-ROM drives.</li> : null}
      </ul>
      <ChangeResult outcome={change.outcome} problem={dialogOpen ? null : change.problem} />
      <InsertDialog drive={inserting} onClose={() => setInserting(null)} change={change} />
      <EjectDialog drive={ejecting} onClose={() => setEjecting(null)} change={change} />
      <AddDriveDialog open={adding} onClose={() => setAdding(false)} change={change} />
      <RemoveDialog
        open={removing !== null}
        title={`Remove drive ${removing?.target ?? ''}`}
        confirmLabel="Remove drive"
        running={hw.running}
        notLive={removing ? !removing.inLive : false}
        path={`/disks/${encodeURIComponent(removing?.target ?? '')}`}
        change={change}
        onClose={() => setRemoving(null)}
      >
        Removes the CD-ROM drive <span className="font-mono">{removing?.target}</span> from {vm}. Its media file is kept.
      </RemoveDialog>
    </Section>
  );
}
