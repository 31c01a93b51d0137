import { child } from '@/lib/xml/parse';
import { bool, int, many, size, str, xmlModel } from './model';
import { DOMAIN_ORDER } from './order';

// vCPUs and the CPU the guest sees: <vcpu current='2'>4</vcpu> (online / maximum) and <cpu> with its mode, named
// model, topology, features and NUMA cells.

export type CpuMode = 'host-passthrough' | 'host-model' | 'custom' | 'maximum';

/** The modes Vireo gives new KVM guests, in the order it tries them. */
export const GUEST_CPU_MODES = ['host-passthrough', 'host-model'] as const;
export type GuestCpuMode = (typeof GUEST_CPU_MODES)[number];

export interface Topology {
  sockets: number;
  dies?: number;
  cores: number;
  threads: number;
}

export class CpuFeature extends xmlModel('CpuFeature', 'feature', {
  policy: str<'force' | 'require' | 'optional' | 'disable' | 'forbid'>('@policy'),
  name: str('@name'),
}) {}

export class NumaCell extends xmlModel('NumaCell', 'cell', {
  id: int('@id'),
  cpus: str('@cpus'),
  memoryKiB: size('@memory'),
}) {}

/** The modes libvirt allows the `migratable` attribute on. */
const MIGRATABLE_MODES: ReadonlySet<CpuMode> = new Set(['host-passthrough', 'maximum']);

const CPU_ORDER = ['model', 'vendor', 'topology', 'cache', 'maxphysaddr', 'feature', 'numa'];

/** A view of <vcpu> and <cpu> of a <domain> (the model sits on the domain element itself). */
export class Cpu extends xmlModel(
  'Cpu',
  'domain',
  {
    /** The maximum vCPU count. */
    vcpus: int('vcpu'),
    /** vCPUs online at boot, when fewer than the maximum. */
    vcpuCurrent: int('vcpu/@current'),
    vcpuPlacement: str('vcpu/@placement'),
    mode: str<CpuMode>('cpu/@mode'),
    match: str('cpu/@match'),
    check: str('cpu/@check'),
    migratable: bool('cpu/@migratable', 'on', 'off'),
    model: str('cpu/model'),
    modelFallback: str('cpu/model/@fallback'),
    sockets: int('cpu/topology/@sockets'),
    dies: int('cpu/topology/@dies'),
    cores: int('cpu/topology/@cores'),
    threads: int('cpu/topology/@threads'),
    features: many(CpuFeature, 'cpu/feature'),
    numaCells: many(NumaCell, 'cpu/numa/cell'),
  },
  { '': DOMAIN_ORDER, cpu: CPU_ORDER },
) {
  /** Maximum vCPUs (1 when unset, as libvirt). */
  get maximum(): number {
    return this.vcpus || 1;
  }

  /** vCPUs online at boot. */
  get current(): number {
    return this.vcpuCurrent || this.maximum;
  }

  /** Sets the maximum and the online count; `current` equal to the maximum is written as no attribute. */
  setCount(maximum: number, current: number): void {
    this.vcpus = maximum;
    this.vcpuCurrent = current === maximum ? null : current;
  }

  get topology(): Topology | null {
    if (this.sockets === null && this.cores === null && this.threads === null) return null;
    const n = (v: number | null) => v || 1;
    return { sockets: n(this.sockets), ...(this.dies !== null ? { dies: n(this.dies) } : {}), cores: n(this.cores), threads: n(this.threads) };
  }

  set topology(t: Topology | null) {
    // Whatever else the old topology said (clusters, dies) described another shape.
    this.drop('cpu/topology');
    this.sockets = t?.sockets ?? null;
    this.dies = t ? (t.dies ?? 1) : null;
    this.cores = t?.cores ?? null;
    this.threads = t?.threads ?? null;
  }

  /**
   * Changes the CPU mode. Features and vendor belong to the old mode's CPU; a named model only to custom (match
   * exact, so the guest gets that model or does not start); the check level is libvirt's to choose again; and
   * `migratable` exists only for host-passthrough and maximum (libvirt refuses it on the others).
   */
  setMode(mode: CpuMode): void {
    const wasMigratable = this.migratable;
    this.mode = mode;
    this.match = mode === 'custom' ? 'exact' : null;
    this.check = null;
    this.migratable = MIGRATABLE_MODES.has(mode) ? wasMigratable : null;
    if (mode !== 'custom') this.model = null;
    for (const f of this.features) f.remove();
    this.drop('cpu/vendor');
  }

  /**
   * The CPU a new KVM guest gets: the host's own (passthrough: every feature, no check, migratable features only)
   * or libvirt's closest named model with the host's features (host-model), where passthrough does not start.
   */
  useGuestMode(mode: GuestCpuMode): void {
    this.setMode(mode);
    if (mode === 'host-passthrough') {
      this.check = 'none';
      this.migratable = true;
    }
  }

  /** A named model (custom mode) the guest must get: no fallback to another. */
  setNamedModel(name: string): void {
    this.model = null;
    this.model = name;
    this.modelFallback = 'forbid';
  }

  /** Forgets the per-vCPU settings (<vcpus>), which describe a count that changed; libvirt makes new ones. */
  clearPerVcpuSettings(): void {
    this.drop('vcpus');
  }

  /** The mode libvirt applies: a <cpu> without one is custom. */
  get effectiveMode(): CpuMode | null {
    if (!child(this.el, 'cpu')) return null;
    return this.mode ?? 'custom';
  }
}
