'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { HostBridge, HostNic } from '@/lib/host/bridges';
import type { NetworkMode } from '@/lib/networks/model';
import { api, ApiError } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { modeLabels } from './network-facts';
import { Select } from '@/components/ui/select';

// The create form. Every check that matters runs on the server (shape, subnets, overlap with the host and other
// networks); errors come back per field and are shown next to their input.

interface HostRow { mac: string; ip: string; name: string }
interface IpDraft { on: boolean; cidr: string; dhcpStart: string; dhcpEnd: string; hosts: HostRow[] }
interface DnsRow { ip: string; hostname: string }

const modeHelp: Record<NetworkMode, string> = {
  isolated: 'Guests reach each other and the host only.',
  nat: 'Guests reach outside networks through the host, hidden behind its address.',
  route: 'Guests reach outside networks through the host with their own addresses (the outside needs a route back).',
  open: 'Like routed, but libvirt adds no firewall rules.',
  bridge: 'Guests join an existing host bridge and take addresses from that network.',
  macvtap: 'Guests share a host network card directly (they cannot talk to the host itself).',
};

const emptyIp = (cidr: string, start: string, end: string): IpDraft => ({ on: false, cidr, dhcpStart: start, dhcpEnd: end, hosts: [] });

function IpSection({ family, value, set, errors }: { family: 'ipv4' | 'ipv6'; value: IpDraft; set: (v: IpDraft) => void; errors: Record<string, string> }) {
  const v4 = family === 'ipv4';
  const label = v4 ? 'IPv4' : 'IPv6';
  const setHost = (i: number, h: Partial<HostRow>) => set({ ...value, hosts: value.hosts.map((x, j) => (j === i ? { ...x, ...h } : x)) });
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={value.on} onChange={(e) => set({ ...value, on: e.target.checked })} /> {label} addressing
      </label>
      {value.on ? (
        <>
          <Field label={`${label} subnet`} value={value.cidr} onChange={(e) => set({ ...value, cidr: e.target.value })} error={errors[`${family}.cidr`]}
            placeholder={v4 ? '10.251.7.1/24' : 'fd00:251:7::1/64'} />
          <div className="grid gap-3 md:grid-cols-2">
            <Field label={`${label} DHCP start`} value={value.dhcpStart} onChange={(e) => set({ ...value, dhcpStart: e.target.value })} error={errors[`${family}.dhcpStart`]} />
            <Field label={`${label} DHCP end`} value={value.dhcpEnd} onChange={(e) => set({ ...value, dhcpEnd: e.target.value })} error={errors[`${family}.dhcpEnd`]} />
          </div>
          {v4 ? (
            <div className="space-y-2">
              <p className="text-sm font-medium text-slate-700">Static DHCP hosts</p>
              {value.hosts.map((h, i) => (
                <div key={i} className="grid items-end gap-2 md:grid-cols-[1fr_1fr_1fr_auto]">
                  <Field label={`Static host ${i + 1} MAC`} value={h.mac} onChange={(e) => setHost(i, { mac: e.target.value })} error={errors[`${family}.hosts.${i}.mac`]} placeholder="52:54:00:12:34:56" />
                  <Field label={`Static host ${i + 1} address`} value={h.ip} onChange={(e) => setHost(i, { ip: e.target.value })} error={errors[`${family}.hosts.${i}.ip`]} />
                  <Field label={`Static host ${i + 1} name`} value={h.name} onChange={(e) => setHost(i, { name: e.target.value })} error={errors[`${family}.hosts.${i}.name`]} />
                  <Button onClick={() => set({ ...value, hosts: value.hosts.filter((_, j) => j !== i) })}>Remove</Button>
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [xml, setXml] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [host, setHost] = useState<{ bridges: HostBridge[]; nics: HostNic[] }>({ bridges: [], nics: [] });
  const hostSide = mode === 'bridge' || mode === 'macvtap';

  useEffect(() => {
    api<{ bridges: HostBridge[]; nics: HostNic[] }>('/api/networks').then(setHost, () => undefined);
  }, []);

  function body(dryRun: boolean) {
    const ip = (d: IpDraft) => (d.on && !hostSide ? { cidr: d.cidr, dhcpStart: d.dhcpStart, dhcpEnd: d.dhcpEnd, hosts: d.hosts } : null);
    return {
      name, mode, bridge: mode === 'bridge' ? bridge : '', forwardDev: mode === 'macvtap' ? forwardDev : '',
      domain: hostSide ? '' : domain, mtu: mtu.trim() ? Number(mtu) : null,
      ipv4: ip(ipv4), ipv6: ip(ipv6), dnsHosts: hostSide ? [] : dns, start, autostart, dryRun,
    };
  }

  async function submit(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ xml: string; name: string }>('/api/networks', { body: body(dryRun) });
      setErrors({});
      if (dryRun) setXml(res.xml);
      else router.push(`/networks/${encodeURIComponent(res.name)}`);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors(fields);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="grid gap-4 lg:grid-cols-2" onSubmit={(e) => { e.preventDefault(); void submit(false); }} data-testid="network-form">
      <div className="space-y-4">
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} placeholder="lab" />
        <Select label="Mode" value={mode} onChange={(v) => setMode(v as NetworkMode)} error={errors.mode}>
          {(Object.keys(modeLabels) as NetworkMode[]).map((m) => <option key={m} value={m}>{modeLabels[m]}</option>)}
        </Select>
        <p className="text-xs text-slate-500">{modeHelp[mode]}</p>
        {mode === 'bridge' ? (
          <Select label="Host bridge" value={bridge} onChange={setBridge} error={errors.bridge}>
            <option value="">Choose…</option>
            {host.bridges.map((b) => <option key={b.name} value={b.name}>{b.name}{b.ports.length ? ` (${b.ports.map((p) => p.name).join(', ')})` : ''}</option>)}
          </Select>
        ) : null}
        {mode === 'macvtap' ? (
          <Select label="Host network card" value={forwardDev} onChange={setForwardDev} error={errors.forwardDev}>
            <option value="">Choose…</option>
            {host.nics.map((n) => <option key={n.name} value={n.name}>{n.name}</option>)}
          </Select>
        ) : null}
        {!hostSide ? (
          <>
            <IpSection family="ipv4" value={ipv4} set={setIpv4} errors={errors} />
            <IpSection family="ipv6" value={ipv6} set={setIpv6} errors={errors} />
            <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium">DNS</p>
              <Field label="Domain name" value={domain} onChange={(e) => setDomain(e.target.value)} error={errors.domain} placeholder="lab.test" />
              {dns.map((d, i) => (
                <div key={i} className="grid items-end gap-2 md:grid-cols-[1fr_1fr_auto]">
                  <Field label={`DNS entry ${i + 1} address`} value={d.ip} onChange={(e) => setDns(dns.map((x, j) => (j === i ? { ...x, ip: e.target.value } : x)))} error={errors[`dnsHosts.${i}.ip`]} />
                  <Field label={`DNS entry ${i + 1} host name`} value={d.hostname} onChange={(e) => setDns(dns.map((x, j) => (j === i ? { ...x, hostname: e.target.value } : x)))} error={errors[`dnsHosts.${i}.hostname`]} />
                  <Button onClick={() => setDns(dns.filter((_, j) => j !== i))}>Remove</Button>
                </div>
              ))}
              <Button onClick={() => setDns([...dns, { ip: '', hostname: '' }])}>Add DNS entry</Button>
            </fieldset>
          </>
        ) : null}
        {mode !== 'macvtap' ? <Field label="MTU" value={mtu} inputMode="numeric" onChange={(e) => setMtu(e.target.value)} error={errors.mtu} placeholder="default" /> : null}
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2"><input type="checkbox" checked={start} onChange={(e) => setStart(e.target.checked)} /> Start now</label>
          <label className="flex items-center gap-2"><input type="checkbox" checked={autostart} onChange={(e) => setAutostart(e.target.checked)} /> Start with the host</label>
        </div>
        {error ? <Alert testId="network-form-error">{error}</Alert> : null}
        <div className="flex gap-2">
          <Button onClick={() => void submit(true)} disabled={busy}>Preview XML</Button>
          <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Working…' : 'Create network'}</Button>
        </div>
      </div>
      <div>
        <h2 className="mb-2 text-sm font-semibold">XML libvirt will be given</h2>
        <pre className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-xs" data-testid="network-xml-preview">{xml ?? 'Press “Preview XML” to check the settings and see the definition.'}</pre>
      </div>
    </form>
  );
}
