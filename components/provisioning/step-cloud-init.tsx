'use client';

import { Field } from '@/components/ui/field';
import { TextArea } from '@/components/ui/text-area';
import { err, type StepProps } from './step-props';

export function StepCloudInit({ s, set, errors }: StepProps) {
  if (s.source !== 'cloud-image') return <p className="text-sm text-slate-600">cloud-init applies to cloud images only; this VM is configured by its installer or its existing disk.</p>;
  return (
    <div className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Host name" value={s.hostname} placeholder={s.name} onChange={(e) => set({ hostname: e.target.value })} error={err(errors, 'cloudInit.hostname')} />
        <Field label="User name" value={s.userName} onChange={(e) => set({ userName: e.target.value })} error={err(errors, 'cloudInit.user.name', 'cloudInit.user')} placeholder="admin" />
        <Field label="Password (optional, stored only as a hash)" type="password" autoComplete="new-password" value={s.password} onChange={(e) => set({ password: e.target.value })} error={err(errors, 'cloudInit.user.password')} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" checked={s.sudo} onChange={(e) => set({ sudo: e.target.checked })} /> Passwordless sudo
        </label>
      </div>
      <TextArea label="SSH public keys (one per line)" rows={3} value={s.sshKeys} onChange={(e) => set({ sshKeys: e.target.value })} error={err(errors, 'cloudInit.user.sshKeys')} />
      <Field label="Packages to install (space separated)" value={s.packages} onChange={(e) => set({ packages: e.target.value })} error={err(errors, 'cloudInit.packages')} />
      <TextArea label="Commands to run at first boot (one per line)" rows={2} value={s.runcmd} onChange={(e) => set({ runcmd: e.target.value })} error={err(errors, 'cloudInit.runcmd')} />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 md:grid-cols-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Static IPv4 (optional; DHCP when empty)</legend>
        <Field label="Address with prefix" placeholder="192.0.2.10/24" value={s.staticAddress} onChange={(e) => set({ staticAddress: e.target.value })} error={err(errors, 'cloudInit.network.address', 'cloudInit.network')} />
        <Field label="Gateway" value={s.gateway} onChange={(e) => set({ gateway: e.target.value })} error={err(errors, 'cloudInit.network.gateway')} />
        <Field label="DNS servers" value={s.dns} onChange={(e) => set({ dns: e.target.value })} error={err(errors, 'cloudInit.network.dns')} />
      </fieldset>
      <details className="rounded-md border border-slate-200 p-3" open={s.rawUserData !== '' || err(errors, 'cloudInit.rawUserData') !== undefined}>
        <summary className="cursor-pointer text-sm font-medium">Advanced: raw user-data</summary>
        <p className="my-2 text-xs text-slate-600">Merged over the form: list keys (packages, runcmd, write_files, ssh_authorized_keys…) are added after the form&apos;s, a user with the same name replaces the form&apos;s user, any other key replaces the form&apos;s value. The merged result is shown on the Review step.</p>
        <TextArea label="user-data" rows={8} value={s.rawUserData} placeholder={'#cloud-config\nruncmd:\n  - echo hello'} onChange={(e) => set({ rawUserData: e.target.value })} error={err(errors, 'cloudInit.rawUserData', 'cloudInit')} />
      </details>
      <details className="rounded-md border border-slate-200 p-3" open={s.rawNetworkConfig !== '' || err(errors, 'cloudInit.rawNetworkConfig') !== undefined}>
        <summary className="cursor-pointer text-sm font-medium">Advanced: raw network-config</summary>
        <p className="my-2 text-xs text-slate-600">Netplan-style version 2 (or version 1). When given, it replaces the static address above entirely.</p>
        <TextArea label="network-config" rows={6} value={s.rawNetworkConfig} placeholder={'version: 2\nethernets:\n  eth0:\n    dhcp4: true'} onChange={(e) => set({ rawNetworkConfig: e.target.value })} error={err(errors, 'cloudInit.rawNetworkConfig')} />
      </details>
    </div>
  );
}
