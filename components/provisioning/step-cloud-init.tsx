'use client';

import { fieldError } from '@/components/data/problem';
import { CheckboxField, TextAreaField, TextField } from '@/components/ui/inputs';
import { textBinder, type StepProps } from './step-props';

export function StepCloudInit({ s, set, errors }: StepProps) {
  const text = textBinder({ s, set, errors });
  if (s.source !== 'cloud-image')
    return <p className="text-sm text-slate-600">cloud-init applies to cloud images only; this VM is configured by its installer or its existing disk.</p>;
  return (
    <div className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField {...text('hostname', 'cloudInit.hostname')} label="Host name" placeholder={s.name} />
        <TextField {...text('userName', 'cloudInit.user.name', 'cloudInit.user')} label="User name" placeholder="admin" />
        <TextField
          {...text('password', 'cloudInit.user.password')}
          label="Password (optional, stored only as a hash)"
          type="password"
          autoComplete="new-password"
        />
        <div className="self-end pb-2">
          <CheckboxField label="Sudo without a password" checked={s.sudo} onChange={(v) => set({ sudo: v })} />
        </div>
      </div>
      <TextAreaField {...text('sshKeys', 'cloudInit.user.sshKeys')} mono label="SSH public keys (one per line)" rows={3} />
      <TextField {...text('packages', 'cloudInit.packages')} label="Packages to install (space separated)" />
      <TextAreaField {...text('runcmd', 'cloudInit.runcmd')} mono label="Commands to run at first boot (one per line)" rows={2} />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 md:grid-cols-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Static IPv4 (optional; DHCP when empty)</legend>
        <TextField {...text('staticAddress', 'cloudInit.network.address', 'cloudInit.network')} label="Address with prefix" placeholder="192.0.2.10/24" />
        <TextField {...text('gateway', 'cloudInit.network.gateway')} label="Gateway" />
        <TextField {...text('dns', 'cloudInit.network.dns')} label="DNS servers" />
      </fieldset>
      <details className="rounded-md border border-slate-200 p-3" open={s.rawUserData !== '' || fieldError(errors, 'cloudInit.rawUserData') !== undefined}>
        <summary className="cursor-pointer text-sm font-medium">Advanced: raw user-data</summary>
        <p className="my-2 text-xs text-slate-600">
          Merged over the form: list keys (packages, runcmd, write_files, ssh_authorized_keys…) are added after the form&apos;s, a user with the same name
          replaces the form&apos;s user, any other key replaces the form&apos;s value. The merged result is shown on the Review step.
        </p>
        <TextAreaField
          {...text('rawUserData', 'cloudInit.rawUserData', 'cloudInit')}
          mono
          label="user-data"
          rows={8}
          placeholder={'#cloud-config\nruncmd:\n  - echo hello'}
        />
      </details>
      <details
        className="rounded-md border border-slate-200 p-3"
        open={s.rawNetworkConfig !== '' || fieldError(errors, 'cloudInit.rawNetworkConfig') !== undefined}
      >
        <summary className="cursor-pointer text-sm font-medium">Advanced: raw network-config</summary>
        <p className="my-2 text-xs text-slate-600">Netplan-style version 2 (or version 1). When given, it replaces the static address above entirely.</p>
        <TextAreaField
          {...text('rawNetworkConfig', 'cloudInit.rawNetworkConfig')}
          mono
          label="network-config"
          rows={6}
          placeholder={'version: 2\nethernets:\n  eth0:\n    dhcp4: true'}
        />
      </details>
    </div>
  );
}
