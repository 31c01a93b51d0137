'use client';

import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useNetworks } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { NetworkMode } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, NumberField, Options, SelectField, TextField } from '@/components/ui/inputs';
import { modeLabels } from './network-facts';

// The create form. Every check that matters runs on the server (shape, subnets, overlap with the host and other
// networks); errors come back per field and are shown next to their input.

interface HostRow {
  mac: string;
  ip: string;
  name: string;
}
interface IpDraft {
  on: boolean;
  cidr: string;
  dhcpStart: string;
  dhcpEnd: string;
  hosts: HostRow[];
}
interface DnsRow {
  ip: string;
  hostname: string;
}

const modeHelp: Record<NetworkMode, string> = {
  isolated: 'Guests reach each other and the host only.',
  nat: 'Guests reach outside networks through the host, hidden behind its address.',
  route: 'Guests reach outside networks through the host with their own addresses (the outside needs a route back).',
  open: 'Like routed, but libvirt adds no firewall rules.',
  bridge: 'Guests join an existing host bridge and take addresses from that network.',
  macvtap: 'Guests share a host network card directly (they cannot talk to the host itself).',
};

const emptyIp = (cidr: string, start: string, end: string): IpDraft => ({ on: false, cidr, dhcpStart: start, dhcpEnd: end, hosts: [] });

type Fields = Record<string, string> | undefined;

function IpSection({ family, value, set, errors }: { family: 'ipv4' | 'ipv6'; value: IpDraft; set: (v: IpDraft) => void; errors: Fields }) {
  const v4 = family === 'ipv4';
  const label = v4 ? 'IPv4' : 'IPv6';
  const setHost = (i: number, h: Partial<HostRow>) => set({ ...value, hosts: value.hosts.map((x, j) => (j === i ? { ...x, ...h } : x)) });
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <CheckboxField label={`${label} addressing`} checked={value.on} onChange={(on) => set({ ...value, on })} />
      {value.on ? (
        <>
          <TextField
            label={`${label} subnet`}
            value={value.cidr}
            onChange={(cidr) => set({ ...value, cidr })}
            error={fieldError(errors, `${family}.cidr`)}
            placeholder={v4 ? '10.251.7.1/24' : 'fd00:251:7::1/64'}
          />
          <div className="grid gap-3 md:grid-cols-2">
            <TextField
              label={`${label} DHCP start`}
              value={value.dhcpStart}
              onChange={(dhcpStart) => set({ ...value, dhcpStart })}
              error={fieldError(errors, `${family}.dhcpStart`)}
            />
            <TextField
              label={`${label} DHCP end`}
              value={value.dhcpEnd}
              onChange={(dhcpEnd) => set({ ...value, dhcpEnd })}
              error={fieldError(errors, `${family}.dhcpEnd`)}
            />
          </div>
          {v4 ? (
            <div className="space-y-2">
              <p className="text-sm font-medium text-slate-700">Static DHCP hosts</p>
              {value.hosts.map((h, i) => (
                <div key={i} className="grid items-start gap-2 md:grid-cols-[1fr_1fr_1fr_auto]">
                  <TextField
                    label={`Static host ${i + 1} MAC`}
                    value={h.mac}
                    onChange={(mac) => setHost(i, { mac })}
                    error={fieldError(errors, `${family}.hosts.${i}.mac`)}
                    placeholder="52:54:00:12:34:56"
                  />
                  <TextField
                    label={`Static host ${i + 1} address`}
                    value={h.ip}
                    onChange={(ip) => setHost(i, { ip })}
                    error={fieldError(errors, `${family}.hosts.${i}.ip`)}
                  />
                  <TextField
                    label={`Static host ${i + 1} name`}
                    value={h.name}
                    onChange={(n) => setHost(i, { name: n })}
                    error={fieldError(errors, `${family}.hosts.${i}.name`)}
                  />
                  <Button className="mt-6" onClick={() => set({ ...value, hosts: value.hosts.filter((_, j) => j !== i) })}>
                    Remove
                  </Button>
                </div>
              ))}
              <Button onClick={() => set({ ...value, hosts: [...value.hosts, { mac: '', ip: '', name: '' }] })}>Add static host</Button>
            </div>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}

export function NetworkForm() {
  const router = useRouter();
  const hostId = useHostId();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<NetworkMode>('isolated');
  const [bridge, setBridge] = useState('');
  const [forwardDev, setForwardDev] = useState('');
  const [domain, setDomain] = useState('');
  const [mtu, setMtu] = useState('');
  const [ipv4, setIpv4] = useState<IpDraft>({ ...emptyIp('', '', ''), on: true });
  const [ipv6, setIpv6] = useState<IpDraft>(emptyIp('', '', ''));
  const [dns, setDns] = useState<DnsRow[]>([]);
  const [start, setStart] = useState(true);
  const [autostart, setAutostart] = useState(false);
  const [xml, setXml] = useState<string | null>(null);
  const create = useMutation();
  // The host's bridges and cards, for bridged and macvtap networks; without them the choice is just empty.
  const host = useNetworks().data;
  const hostSide = mode === 'bridge' || mode === 'macvtap';
  const errors = create.problem?.fields;

  function body(dryRun: boolean) {
    const ip = (d: IpDraft) => (d.on && !hostSide ? { cidr: d.cidr, dhcpStart: d.dhcpStart, dhcpEnd: d.dhcpEnd, hosts: d.hosts } : null);
    return {
      name,
      mode,
      bridge: mode === 'bridge' ? bridge : '',
      forwardDev: mode === 'macvtap' ? forwardDev : '',
      domain: hostSide ? '' : domain,
      mtu: mtu.trim() ? Number(mtu) : null,
      ipv4: ip(ipv4),
      ipv6: ip(ipv6),
      dnsHosts: hostSide ? [] : dns,
      start,
      autostart,
      dryRun,
    };
  }

  async function submit(dryRun: boolean) {
    const r = await create.send<{ xml: string; name: string }>(keys.networks(hostId), { body: body(dryRun), touches: dryRun ? [] : [keys.networks(hostId)] });
    if (!r.ok) return;
    if (dryRun) setXml(r.data.xml);
    else router.push(hostPage(hostId, `/networks/${encodeURIComponent(r.data.name)}`));
  }

  const setDnsRow = (i: number, row: Partial<DnsRow>) => setDns(dns.map((x, j) => (j === i ? { ...x, ...row } : x)));
  return (
    <form
      className="grid gap-4 lg:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
      data-testid="network-form"
    >
      <div className="space-y-4">
        <TextField label="Name" value={name} onChange={setName} error={fieldError(errors, 'name')} placeholder="lab" />
        <SelectField label="Mode" value={mode} onChange={(v) => setMode(v as NetworkMode)} error={fieldError(errors, 'mode')} hint={modeHelp[mode]}>
          <Options values={Object.keys(modeLabels) as NetworkMode[]} label={(m) => modeLabels[m]} />
        </SelectField>
        {mode === 'bridge' ? (
          <SelectField label="Host bridge" value={bridge} onChange={setBridge} error={fieldError(errors, 'bridge')}>
            <option value="">Choose…</option>
            {host?.bridges.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
                {b.ports.length ? ` (${b.ports.map((p) => p.name).join(', ')})` : ''}
              </option>
            ))}
          </SelectField>
        ) : null}
        {mode === 'macvtap' ? (
          <SelectField label="Host network card" value={forwardDev} onChange={setForwardDev} error={fieldError(errors, 'forwardDev')}>
            <option value="">Choose…</option>
            <Options values={host?.nics.map((n) => n.name) ?? []} />
          </SelectField>
        ) : null}
        {!hostSide ? (
          <>
            <IpSection family="ipv4" value={ipv4} set={setIpv4} errors={errors} />
            <IpSection family="ipv6" value={ipv6} set={setIpv6} errors={errors} />
            <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium">DNS</p>
              <TextField label="Domain name" value={domain} onChange={setDomain} error={fieldError(errors, 'domain')} placeholder="lab.test" />
              {dns.map((d, i) => (
                <div key={i} className="grid items-start gap-2 md:grid-cols-[1fr_1fr_auto]">
                  <TextField
                    label={`DNS entry ${i + 1} address`}
                    value={d.ip}
                    onChange={(ip) => setDnsRow(i, { ip })}
                    error={fieldError(errors, `dnsHosts.${i}.ip`)}
                  />
                  <TextField
                    label={`DNS entry ${i + 1} host name`}
                    value={d.hostname}
                    onChange={(hostname) => setDnsRow(i, { hostname })}
                    error={fieldError(errors, `dnsHosts.${i}.hostname`)}
                  />
                  <Button className="mt-6" onClick={() => setDns(dns.filter((_, j) => j !== i))}>
                    Remove
                  </Button>
                </div>
              ))}
              <Button onClick={() => setDns([...dns, { ip: '', hostname: '' }])}>Add DNS entry</Button>
            </fieldset>
          </>
        ) : null}
        {mode !== 'macvtap' ? <NumberField label="MTU" value={mtu} onChange={setMtu} error={fieldError(errors, 'mtu')} placeholder="default" /> : null}
        <div className="flex gap-4">
          <CheckboxField label="Start now" checked={start} onChange={setStart} />
          <CheckboxField label="Start with the host" checked={autostart} onChange={setAutostart} />
        </div>
        {create.problem ? <Alert testId="network-form-error">{create.problem.message}</Alert> : null}
        <div className="flex gap-2">
          <Button onClick={() => void submit(true)} disabled={create.busy}>
            Preview XML
          </Button>
          <Button type="submit" variant="primary" disabled={create.busy}>
            {create.busy ? 'Working…' : 'Create network'}
          </Button>
        </div>
      </div>
      <div>
        <h2 className="mb-2 text-sm font-semibold">XML libvirt will be given</h2>
        <pre className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-xs" data-testid="network-xml-preview">
          {xml ?? 'Press “Preview XML” to check the settings and see the definition.'}
        </pre>
      </div>
    </form>
  );
}
