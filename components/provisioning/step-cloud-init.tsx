'use client';

import { fieldError } from '@/components/data/problem';
import { CheckboxField, TextAreaField, TextField } from '@/components/ui/inputs';
import type { StepProps } from './step-props';

export function StepCloudInit({ s, set, errors }: StepProps) {
  if (s.source !== 'cloud-image')
    return <p className="text-sm text-slate-600">cloud-init applies to cloud images only; this VM is configured by its installer or its existing disk.</p>;
  return (
    <div className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Host name"
          value={s.hostname}
          placeholder={s.name}
          onChange={(v) => set({ hostname: v })}
          error={fieldError(errors, 'cloudInit.hostname')}
        />
        <TextField
          label="User name"
          value={s.userName}
          onChange={(v) => set({ userName: v })}
          error={fieldError(errors, 'cloudInit.user.name', 'cloudInit.user')}
          placeholder="admin"
        />
        <TextField
          label="Password (optional, stored only as a hash)"
          type="password"
          autoComplete="new-password"
          value={s.password}
          onChange={(v) => set({ password: v })}
          error={fieldError(errors, 'cloudInit.user.password')}
        />
        <div className="self-end pb-2">
          <CheckboxField label="Sudo without a password" checked={s.sudo} onChange={(v) => set({ sudo: v })} />
        </div>
      </div>
      <TextAreaField
        mono
        label="SSH public keys (one per line)"
        rows={3}
        value={s.sshKeys}
        onChange={(v) => set({ sshKeys: v })}
        error={fieldError(errors, 'cloudInit.user.sshKeys')}
      />
      <TextField
        label="Packages to install (space separated)"
        value={s.packages}
        onChange={(v) => set({ packages: v })}
        error={fieldError(errors, 'cloudInit.packages')}
      />
      <TextAreaField
        mono
        label="Commands to run at first boot (one per line)"
        rows={2}
        value={s.runcmd}
        onChange={(v) => set({ runcmd: v })}
        error={fieldError(errors, 'cloudInit.runcmd')}
      />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 md:grid-cols-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Static IPv4 (optional; DHCP when empty)</legend>
        <TextField
          label="Address with prefix"
          placeholder="192.0.2.10/24"
          value={s.staticAddress}
          onChange={(v) => set({ staticAddress: v })}
          error={fieldError(errors, 'cloudInit.network.address', 'cloudInit.network')}
        />
        <TextField label="Gateway" value={s.gateway} onChange={(v) => set({ gateway: v })} error={fieldError(errors, 'cloudInit.network.gateway')} />
        <TextField label="DNS servers" value={s.dns} onChange={(v) => set({ dns: v })} error={fieldError(errors, 'cloudInit.network.dns')} />
      </fieldset>
      <details className="rounded-md border border-slate-200 p-3" open={s.rawUserData !== '' || fieldError(errors, 'cloudInit.rawUserData') !== undefined}>
        <summary className="cursor-pointer text-sm font-medium">Advanced: raw user-data</summary>
        <p className="my-2 text-xs text-slate-600">
          Merged over the form: list keys (packages, runcmd, write_files, ssh_authorized_keys…) are added after the form&apos;s, a user with the same name
          replaces the form&apos;s user, any other key replaces the form&apos;s value. The merged result is shown on the Review step.
        </p>
        <TextAreaField
          mono
          label="user-data"
          rows={8}
          value={s.rawUserData}
          placeholder={'#cloud-config\nruncmd:\n  - echo hello'}
          onChange={(v) => set({ rawUserData: v })}
          error={fieldError(errors, 'cloudInit.rawUserData', 'cloudInit')}
        />
      </details>
      <details
        className="rounded-md border border-slate-200 p-3"
        open={s.rawNetworkConfig !== '' || fieldError(errors, 'cloudInit.rawNetworkConfig') !== undefined}
      >
        <summary className="cursor-pointer text-sm font-medium">Advanced: raw network-config</summary>
        <p className="my-2 text-xs text-slate-600">Netplan-style version 2 (or version 1). When given, it replaces the static address above entirely.</p>
        <TextAreaField
          mono
          label="network-config"
          rows={6}
          value={s.rawNetworkConfig}
          placeholder={'version: 2\nethernets:\n  eth0:\n    dhcp4: true'}
          onChange={(v) => set({ rawNetworkConfig: v })}
          error={fieldError(errors, 'cloudInit.rawNetworkConfig')}
        />
      </details>
    </div>
  );
}
