import type { CreatePlan } from './plan';

// The review step's plain summary of what will be made, above the XML: one line per thing a person checks.

export interface PlanSummary {
  name: string;
  os: string;
  cpu: string;
  memory: string;
  disks: string[];
  network: string;
  cloudInit: string | null;
  start: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function gib(bytes: number): string {
  const g = bytes / 1024 ** 3;
  return `${Number.isInteger(g) ? g : g.toFixed(1)} GiB`;
}

function cpuLine(p: CreatePlan): string {
  const n = plural(p.spec.resources.vcpus, 'vCPU');
  const t = p.domainType;
  if (t.type === 'kvm') return `${n}, KVM with ${t.cpuMode === 'host-model' ? 'the host-model CPU' : "the host's own CPU (host-passthrough)"}`;
  return `${n}, emulated (TCG${t.forced ? ', forced by VIREO_FORCE_EMULATION' : ''}): much slower than KVM`;
}

function diskLines(p: CreatePlan): string[] {
  const src = p.spec.source;
  return p.domain.disks.map((d) => {
    const where = `${d.pool}/${d.volume}`;
    if (d.device === 'cdrom') {
      return p.seed && d.volume === p.seed.name ? `${d.target}: cloud-init seed CD-ROM (${where})` : `${d.target}: CD-ROM ${where} (boots first)`;
    }
    if (p.newDisk && d.volume === p.newDisk.name) {
      const how = src.kind === 'cloud-image' ? (src.fullCopy ? 'a full copy of the image' : 'a qcow2 overlay on the image') : `a new ${p.newDisk.format} disk`;
      return `${d.target}: ${gib(p.newDisk.sizeBytes)}, ${how}, on ${d.bus} (${where})`;
    }
    return `${d.target}: the existing volume ${where}, on ${d.bus}`;
  });
}

function cloudInitLine(p: CreatePlan): string | null {
  const ci = p.spec.cloudInit;
  if (!p.seed) return null;
  if (!ci) return `host name ${p.spec.name}`;
  const parts = [`host name ${ci.hostname}`];
  if (ci.user) {
    const login = [ci.user.sshKeys.length ? plural(ci.user.sshKeys.length, 'SSH key') : null, ci.user.password ? 'a password' : null].filter(Boolean);
    parts.push(`user ${ci.user.name}${login.length ? ` with ${login.join(' and ')}` : ' (no way to log in set)'}${ci.user.sudo ? ', sudo' : ''}`);
  }
  if (ci.packages.length) parts.push(plural(ci.packages.length, 'package'));
  if (ci.runcmd.length) parts.push(plural(ci.runcmd.length, 'command'));
  if (ci.network) parts.push(`static address ${ci.network.address}`);
  if (ci.rawUserData) parts.push('your own user-data merged in');
  return parts.join('; ');
}

export function summarizePlan(p: CreatePlan): PlanSummary {
  const net = p.domain.nic;
  return {
    name: p.spec.title ? `${p.spec.name} (${p.spec.title})` : p.spec.name,
    os: `${p.osVariant ? p.osVariant.name : 'not given'}; ${p.spec.os.machine} machine, ${p.spec.os.firmware === 'efi' ? 'UEFI' : 'BIOS'}`,
    cpu: cpuLine(p),
    memory: `${p.spec.resources.memoryMiB.toLocaleString('en')} MiB`,
    disks: diskLines(p),
    network: net ? `a ${net.model} NIC on ${net.type === 'network' ? `network ${net.source}` : `host bridge ${net.source}`} (MAC ${net.mac})` : 'none',
    cloudInit: cloudInitLine(p),
    start: p.spec.start ? 'started once it is created' : 'not started',
  };
}
