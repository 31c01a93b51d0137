'use client';

import { useState } from 'react';
import type { CdromAdd, CdromMedia, DiskView } from '@/lib/hardware/types';
import { Button } from '@/components/ui/button';
import { CDROM_BUSES } from '@/lib/domain-xml/constants';
import { BusChoice } from './bus-choice';
import { useHardwareTab } from './context';
import { DeviceSection, useDeviceDialogs, type DeviceKind } from './device-section';
import { MediaFields, mediaBody, type MediaForm } from './media-fields';
import { Presence } from './presence';
import { toScope, type ScopeChoice } from './scope';
import { ScopedDialog, type DeviceDialogProps } from './scoped-dialog';

function liveReason(running: boolean, d: DiskView | null): string | undefined {
  return running && d && !d.inLive ? 'This drive is not in the running guest.' : undefined;
}

const mediaPath = (d: DiskView) => `/disks/${encodeURIComponent(d.target)}/media`;

/** A dialog about one drive: open while `drive` is set. */
type DriveDialogProps = Omit<DeviceDialogProps, 'open'> & { drive: DiskView | null };

function InsertDialog({ drive, ...props }: DriveDialogProps) {
  const { hw } = useHardwareTab();
  const open = drive !== null;
  const [media, setMedia] = useState<MediaForm>({ kind: 'volume', pool: '', volume: '' });
  return (
    <ScopedDialog
      {...props}
      open={open}
      title={`Insert media into ${drive?.target ?? ''}`}
      testId="insert-media-dialog"
      submitLabel="Insert media"
      busyLabel="Inserting…"
      persistentOnly={liveReason(hw.running, drive)}
      submitDisabled={media.kind === 'volume' && !media.volume}
      submit={(scope) => props.change.submit(mediaPath(drive!), 'PUT', { ...toScope(scope), media: mediaBody(media) } satisfies CdromMedia)}
    >
      {drive?.source ? <p className="text-slate-600">Replaces {drive.source}.</p> : null}
      <MediaFields value={media} onChange={setMedia} field={props.change.field} enabled={open} allowNone={false} name="insert-media-kind" />
    </ScopedDialog>
  );
}

function EjectDialog({ drive, ...props }: DriveDialogProps) {
  const { hw } = useHardwareTab();
  return (
    <ScopedDialog
      {...props}
      open={drive !== null}
      title={`Eject ${drive?.target ?? ''}`}
      testId="eject-dialog"
      submitLabel="Eject media"
      busyLabel="Ejecting…"
      persistentOnly={liveReason(hw.running, drive)}
      submit={(scope) => props.change.submit(mediaPath(drive!), 'PUT', { ...toScope(scope), media: null } satisfies CdromMedia)}
    >
      <p>Ejects {drive?.source ?? 'the media'}. The drive stays; the image file is kept.</p>
    </ScopedDialog>
  );
}

function AddDriveDialog(props: DeviceDialogProps) {
  const { open, change } = props;
  const { hw } = useHardwareTab();
  const offered = CDROM_BUSES.filter((b) => hw.diskBuses.includes(b));
  const [bus, setBus] = useState<string>(offered.includes('sata') ? 'sata' : (offered[0] ?? 'sata'));
  const [media, setMedia] = useState<MediaForm>({ kind: 'none' });
  function save(scope: ScopeChoice) {
    const body: CdromAdd = { ...toScope(scope), bus: bus as CdromAdd['bus'] };
    if (media.kind !== 'none') body.media = mediaBody(media);
    return change.submit('/cdroms', 'POST', body);
  }
  return (
    <ScopedDialog {...props} title="Add CD-ROM drive" testId="add-cdrom-dialog" submitLabel="Add drive" busyLabel="Adding…" submit={save}>
      {(scope) => (
        <>
          <BusChoice value={bus} onChange={setBus} offered={offered} all={CDROM_BUSES} machine={hw.boot.machine} error={change.field('bus')} />
          <MediaFields value={media} onChange={setMedia} field={change.field} enabled={open} allowNone name="add-drive-media-kind" />
          {scope !== 'persistent' && media.kind === 'none' ? (
            <p className="text-xs text-amber-800">This libvirt cannot hot-add an empty drive: choose media for a live add, or apply at next boot only.</p>
          ) : null}
          <p className="text-xs text-slate-500">Many guests only notice a new SATA or IDE drive after a reboot; SCSI drives appear at once.</p>
        </>
      )}
    </ScopedDialog>
  );
}

function DriveActions({ d, onInsert, onEject, onRemove }: { d: DiskView; onInsert: () => void; onEject: () => void; onRemove: () => void }) {
  return (
    <span className="ml-auto inline-flex gap-1">
      <Button className="px-2 py-0.5 text-xs" aria-label={`Insert media into ${d.target}`} onClick={onInsert}>
        {d.source ? 'Change media…' : 'Insert media…'}
      </Button>
      {d.source ? (
        <Button className="px-2 py-0.5 text-xs" aria-label={`Eject ${d.target}`} onClick={onEject}>
          Eject…
        </Button>
      ) : null}
      <Button className="px-2 py-0.5 text-xs" aria-label={`Remove drive ${d.target}`} onClick={onRemove}>
        Remove…
      </Button>
    </span>
  );
}

const DRIVE: DeviceKind<DiskView> = { what: 'drive', id: (d) => d.target, collection: '/disks', title: 'CD-ROM', testId: 'hw-cdroms', addLabel: 'Add drive…' };

export function CdromSection() {
  const { vm, hw, canEdit } = useHardwareTab();
  // Editing a drive is inserting media into it.
  const d = useDeviceDialogs(DRIVE);
  const [ejecting, setEjecting] = useState<DiskView | null>(null);
  const drives = hw.disks.filter((x) => x.device === 'cdrom');
  return (
    <DeviceSection
      devices={d}
      addPrimary={false}
      addDialog={(props) => <AddDriveDialog {...props} />}
      editDialog={(drive, props) => <InsertDialog drive={drive} {...props} />}
      more={{ open: ejecting !== null, dialog: <EjectDialog drive={ejecting} onClose={() => setEjecting(null)} change={d.change} /> }}
      removal={(drive) => (
        <>
          Removes the CD-ROM drive <span className="font-mono">{drive?.target}</span> from {vm}. Its media file is kept.
        </>
      )}
    >
      <ul className="divide-y divide-slate-100">
        {drives.map((x) => (
          <li key={x.target} data-testid={`cdrom-row-${x.target}`} className="flex flex-wrap items-center gap-2 py-1.5">
            <span className="font-mono text-xs">{x.target}</span>
            <span className="text-slate-500">{x.bus ?? ''}</span>
            <span className="break-all" data-testid="cdrom-media">
              {x.source ?? <span className="text-slate-500">empty</span>}
            </span>
            <Presence inLive={x.inLive} inPersistent={x.inPersistent} running={hw.running} />
            {canEdit ? <DriveActions d={x} onInsert={d.startEdit(x)} onEject={d.open(() => setEjecting(x))} onRemove={d.startRemove(x)} /> : null}
          </li>
        ))}
        {drives.length === 0 ? <li className="py-1.5 text-slate-500">No CD-ROM drives.</li> : null}
      </ul>
    </DeviceSection>
  );
}
