'use client';

import type { BootChange, HardwareView } from '@/lib/hardware/types';
import { CheckboxField, Options, SelectField, TextAreaField, TextField } from '@/components/ui/inputs';
import { useDraft } from '@/components/ui/use-draft';
import { BootOrderList, bootItems, type BootItem } from './boot-order';
import { useHardwareTab } from './context';
import { EditForm, useEditFields, useScopedChange } from './edit-form';
import { toScope } from './scope';
import { Facts, Section } from './section';

const CRASH = ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart'] as const;
const REBOOT = ['restart', 'destroy'] as const;
const LABEL: Record<string, string> = {
  destroy: 'Power off',
  restart: 'Restart',
  preserve: 'Keep it stopped for inspection',
  'rename-restart': 'Rename and restart',
  'coredump-destroy': 'Dump core, then power off',
  'coredump-restart': 'Dump core, then restart',
};

/** What the guest's crash, reboot and power-off do; an action libvirt reports outside the list stays offered. */
const LIFECYCLE = [
  { key: 'onCrash', label: 'On crash', choices: CRASH },
  { key: 'onReboot', label: 'On reboot', choices: REBOOT },
  { key: 'onPoweroff', label: 'On power off', choices: REBOOT },
] as const;

function initial(hw: HardwareView) {
  const b = hw.boot;
  return {
    items: bootItems(hw),
    menu: b.menu,
    firmware: b.firmware,
    autostart: b.autostart,
    onCrash: b.onCrash,
    onReboot: b.onReboot,
    onPoweroff: b.onPoweroff,
  };
}

const orderKey = (items: BootItem[]) => JSON.stringify(items.filter((i) => i.enabled).map((i) => [i.kind, i.id]));

function BootForm() {
  const { hw, canEdit } = useHardwareTab();
  const b = hw.boot;
  const { f, set, text, check } = useEditFields(hw, initial);
  const { change, scope } = useScopedChange('Boot order, firmware and power actions take effect at next boot.');
  const legacy = b.order.filter((e) => e.kind === 'hd' || e.kind === 'network' || e.kind === 'fd');

  function save() {
    const was = initial(hw);
    const body: BootChange = { ...toScope(scope.value) };
    if (orderKey(f.items) !== orderKey(was.items)) body.order = f.items.filter((i) => i.enabled).map(({ kind, id }) => ({ kind, id }));
    if (f.menu !== was.menu) body.menu = f.menu;
    if (f.firmware !== was.firmware) body.firmware = f.firmware;
    if (f.autostart !== was.autostart) body.autostart = f.autostart;
    if (f.onCrash !== was.onCrash) body.onCrash = f.onCrash as BootChange['onCrash'];
    if (f.onReboot !== was.onReboot) body.onReboot = f.onReboot as BootChange['onReboot'];
    if (f.onPoweroff !== was.onPoweroff) body.onPoweroff = f.onPoweroff as BootChange['onPoweroff'];
    void change.submit('/boot', 'PUT', body);
  }

  const field = change.field;
  return (
    <EditForm title="Boot and firmware" testId="boot-form" change={change} scope={scope} save="Save boot settings" onSubmit={save}>
      <Facts
        items={[
          [
            'Machine type',
            <span key="m" data-testid="boot-machine">
              {b.arch ?? '?'} {b.machine ?? '?'}
            </span>,
          ],
          ['Firmware now', `${b.firmware === 'efi' ? 'UEFI' : 'BIOS'}${b.nvram ? ` (NVRAM ${b.nvram})` : ''}`],
        ]}
      />
      {b.directKernel ? <p className="text-xs text-amber-800">This VM boots a kernel directly; the boot order applies only when that is removed.</p> : null}
      {legacy.length ? (
        <p className="text-xs text-slate-600">
          The definition uses the older per-kind order ({legacy.map((e) => e.label).join(', ')}); saving a new order sets it per device instead.
        </p>
      ) : null}
      <div>
        <span className="mb-1 block font-medium text-slate-700">Boot order</span>
        <BootOrderList items={f.items} onChange={(items) => set('items', items)} disabled={!canEdit} />
        {field('order') ? (
          <p className="mt-1 text-xs text-red-700" role="alert">
            {field('order')}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-4">
        <CheckboxField label="Show boot menu" {...check('menu')} error={field('menu')} />
        <CheckboxField label="Start with the host (autostart)" {...check('autostart')} error={field('autostart')} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Firmware"
          {...text('firmware')}
          error={field('firmware')}
          hint={b.firmwareChoices.includes('efi') ? 'UEFI gets its own NVRAM variables file.' : 'UEFI needs OVMF installed on the host.'}
        >
          {(['bios', 'efi'] as const)
            .filter((c) => b.firmwareChoices.includes(c) || c === b.firmware)
            .map((c) => (
              <option key={c} value={c}>
                {c === 'efi' ? 'UEFI' : 'BIOS'}
              </option>
            ))}
        </SelectField>
        {LIFECYCLE.map(({ key, label, choices }) => (
          <SelectField key={key} label={label} {...text(key)} error={field(key)}>
            <Options values={choices} label={(c) => LABEL[c]} />
            {(choices as readonly string[]).includes(f[key]) ? null : <option value={f[key]}>{f[key]}</option>}
          </SelectField>
        ))}
      </div>
      <p className="text-xs text-slate-500">Autostart is a host setting and applies at once, whatever you choose below.</p>
    </EditForm>
  );
}

function DescriptionForm() {
  const { hw, canEdit } = useHardwareTab();
  const [title, setTitle] = useDraft(hw.boot.title, (t) => t);
  const [description, setDescription] = useDraft(hw.boot.description, (d) => d);
  const { change, scope } = useScopedChange();
  return (
    <EditForm
      title="Title and description"
      testId="description-form"
      change={change}
      scope={scope}
      save="Save title and description"
      onSubmit={() => void change.submit('/boot', 'PUT', { ...toScope(scope.value), title, description } satisfies BootChange)}
    >
      <TextField
        label="Title"
        value={title}
        onChange={setTitle}
        disabled={!canEdit}
        error={change.field('title')}
        hint="A short line shown in lists; one line, no newlines."
      />
      <TextAreaField label="Description" value={description} onChange={setDescription} disabled={!canEdit} error={change.field('description')} />
    </EditForm>
  );
}

export function BootSection() {
  return (
    <Section title="Boot, firmware and description" testId="hw-boot">
      <div className="grid gap-3 lg:grid-cols-2">
        <BootForm />
        <DescriptionForm />
      </div>
    </Section>
  );
}
