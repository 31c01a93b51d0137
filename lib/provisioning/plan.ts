import type { LibvirtClient } from '@/lib/libvirt';
import { buildSeedFiles, SeedInputError, type SeedFiles } from '@/lib/cloud-init/seed';
import { listHostBridges } from '@/lib/host/bridges';
import { mibOf, readHostMemory } from '@/lib/host/memory';
import { parseVolumeXml } from '@/lib/storage/volume-model';
import { guestDomainType, type GuestDomainType } from '@/lib/host/virt-type';
import { InputError, isLibvirtError, zodFields } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { parseDomainCaps } from '@/lib/domain-xml/capabilities';
import { buildDomainXml } from '@/lib/domain-xml/new-domain';
import { checkEditedDomainXml } from '@/lib/domain-xml/summary';
import { pickTarget } from '@/lib/domain-xml/targets';
import type { DomainPlan, PlannedDisk } from '@/lib/domain-xml/types';
import { XmlSyntaxError } from '@/lib/xml/parse';
import { osDatabase } from '@/lib/osinfo/db';
import type { OsVariant } from '@/lib/osinfo/types';
import { newIdentity } from './identity';
import { resolveImage, type ResolvedImage } from './base-image';
import { osFit } from './os-fit';
import { createVmSpecSchema, type CreateVmSpec } from './spec';
import { fieldUpTo, type StepId } from './steps';
import { diskVolumeName, seedVolumeName } from './volume-names';

// Turns the wizard's input into exactly what will be created, checking it against the host first: a plan that
// passes here fails later only for reasons nobody could see in advance (the host changed, libvirt refused).

export interface CreatePlan {
  spec: CreateVmSpec;
  domain: DomainPlan;
  /** The XML to define: generated, or the reviewed edit of it. */
  xml: string;
  generatedXml: string;
  domainType: GuestDomainType;
  warnings: string[];
  /** The disk volume this VM gets (overlay, copy or blank), if any. */
  newDisk: { pool: string; name: string; format: 'qcow2' | 'raw'; sizeBytes: number } | null;
  image: ResolvedImage | null;
  seed: { pool: string; name: string; files: SeedFiles } | null;
  /** The guest OS picked in the wizard (from the osinfo database), if any. */
  osVariant: OsVariant | null;
}

const GiB = 1024 ** 3;
const NOT_VALID = 'The new virtual machine settings are not valid.';

async function exists<T>(lookup: Promise<T>): Promise<boolean> {
  try {
    await lookup;
    return true;
  } catch (err) {
    if (isLibvirtError(err) && /^ERR_NO_/.test(err.codeName ?? '')) return false;
    throw err;
  }
}

async function activePool(client: LibvirtClient, name: string, field: string, fields: Record<string, string>) {
  try {
    const pool = await client.pools.lookupByName(name);
    if (!(await client.pools.isActive(pool))) fields[field] = `Storage pool "${name}" is not running. Start it on the Storage page first.`;
    return pool;
  } catch (err) {
    if (isLibvirtError(err)) {
      fields[field] = `There is no storage pool named "${name}".`;
      return null;
    }
    throw err;
  }
}

/** The volume's format as libvirt sees it (qcow2 or raw), or null with a field error when it is not there. */
async function volumeFormat(
  client: LibvirtClient,
  ref: { pool: string; volume: string },
  field: string,
  fields: Record<string, string>,
): Promise<'qcow2' | 'raw' | null> {
  const pool = await activePool(client, ref.pool, field, fields);
  if (!pool) return null;
  try {
    const vol = await client.volumes.lookupByName(pool, ref.volume);
    return parseVolumeXml(await client.volumes.xml(vol)).format === 'qcow2' ? 'qcow2' : 'raw';
  } catch (err) {
    if (!isLibvirtError(err)) throw err;
    fields[field] = `There is no volume "${ref.volume}" in pool "${ref.pool}".`;
    return null;
  }
}

async function firmwareOffered(client: LibvirtClient, type: string, machine: string): Promise<boolean> {
  return parseDomainCaps(await client.host.domainCapabilities({ arch: 'x86_64', machine, virttype: type })).efi;
}

/** What the host says of a spec: problems by field, warnings, and what planning goes on with. */
interface Inspection {
  fields: Record<string, string>;
  warnings: string[];
  newDisk: CreatePlan['newDisk'];
  image: ResolvedImage | null;
  importFormat: 'qcow2' | 'raw' | null;
  seedFiles: SeedFiles | null;
  domainType: GuestDomainType;
  osVariant: OsVariant | null;
}

/** Checks a spec against the host (names free, pools, networks, capacity, image, OS, firmware); throws nothing for input. */
async function inspect(host: HostContext, spec: CreateVmSpec): Promise<Inspection> {
  const client = await host.libvirt();
  const fields: Record<string, string> = {};
  const warnings: string[] = [];

  if (await exists(client.domains.lookupByName(spec.name))) fields.name = `A virtual machine named "${spec.name}" already exists.`;

  const node = await client.host.nodeInfo();
  if (spec.resources.vcpus > node.cpus) fields['resources.vcpus'] = `The host has ${node.cpus} logical CPUs; a guest may have at most that many vCPUs.`;
  const memory = await readHostMemory(client);
  const hostMiB = mibOf(memory.totalBytes);
  if (spec.resources.memoryMiB > hostMiB) fields['resources.memoryMiB'] = `The host has ${hostMiB} MiB of memory; the guest cannot have more.`;
  else {
    const freeMiB = mibOf(memory.availableBytes);
    if (spec.resources.memoryMiB > freeMiB)
      warnings.push(
        `Only ${freeMiB} MiB of host memory is available now; the guest asks for ${spec.resources.memoryMiB} MiB and may not start, or the host may swap.`,
      );
  }

  const src = spec.source;
  const wantsDisk = src.kind === 'cloud-image' || ((src.kind === 'iso' || src.kind === 'kernel') && spec.storage.sizeGiB > 0);
  if (src.kind === 'iso' && spec.storage.sizeGiB <= 0) fields['storage.sizeGiB'] = 'An installation needs a disk to install onto: give a size above 0.';
  const pool = wantsDisk ? await activePool(client, spec.storage.pool, 'storage.pool', fields) : null;
  const newDisk = wantsDisk
    ? { pool: spec.storage.pool, name: diskVolumeName(spec), format: spec.storage.format, sizeBytes: Math.round(spec.storage.sizeGiB * GiB) }
    : null;
  if (pool && newDisk && (await exists(client.volumes.lookupByName(pool, newDisk.name))))
    fields.name ??= `Pool "${newDisk.pool}" already has a volume "${newDisk.name}"; pick another VM name or remove that volume.`;
  const seedName = seedVolumeName(spec.name);
  if (src.kind === 'cloud-image' && pool && (await exists(client.volumes.lookupByName(pool, seedName))))
    fields.name ??= `Pool "${spec.storage.pool}" already has a volume "${seedName}"; pick another VM name or remove that volume.`;

  let image: ResolvedImage | null = null;
  if (src.kind === 'cloud-image') {
    if (src.image.from === 'volume') await volumeFormat(client, src.image, 'source.image.volume', fields);
    image = await resolveImage(client, src.image, spec.storage.pool).catch((err: Error) => {
      fields['source.image'] = err.message;
      return null;
    });
    if (image?.cached === false && pool && (await exists(client.volumes.lookupByName(pool, image.volumeName)))) {
      fields['source.image'] =
        `Pool "${image.pool}" already has a volume "${image.volumeName}" that is not a verified copy of this image; remove it or use another pool.`;
    }
    if (image?.cached === false) warnings.push(`The image will be downloaded first (${image.url}); later VMs from it reuse the copy in pool "${image.pool}".`);
  }
  if (src.kind === 'iso') await volumeFormat(client, src.iso, 'source.iso', fields);
  const importFormat = src.kind === 'import' ? await volumeFormat(client, src.disk, 'source.disk', fields) : null;

  if (spec.network.type === 'network') {
    const net = spec.network.network;
    try {
      const ref = await client.networks.lookupByName(net);
      if (!(await client.networks.isActive(ref))) warnings.push(`Network "${net}" is not running; start it before the VM starts.`);
    } catch (err) {
      if (!isLibvirtError(err)) throw err;
      fields['network.network'] = `There is no libvirt network named "${net}".`;
    }
  } else if (spec.network.type === 'bridge') {
    const bridge = spec.network.bridge;
    if (host.local && !(await listHostBridges()).some((b) => b.name === bridge)) fields['network.bridge'] = `The host has no bridge named "${bridge}".`;
  }

  let seedFiles: SeedFiles | null = null;
  if (src.kind === 'cloud-image') {
    try {
      seedFiles = buildSeedFiles(spec.cloudInit ?? { hostname: spec.name });
    } catch (err) {
      if (err instanceof SeedInputError) fields[`cloudInit.${err.field}`] = err.message;
      else fields.cloudInit = (err as Error).message;
    }
  }

  let osVariant: OsVariant | null = null;
  if (spec.os.variant) {
    const db = await osDatabase().catch((err: Error) => err);
    if (db instanceof Error) fields['os.variant'] = db.message;
    else {
      osVariant = db.byId.get(spec.os.variant) ?? null;
      if (!osVariant) fields['os.variant'] = 'Vireo does not know that operating system: pick one from the list, or none.';
    }
  }
  if (osVariant) {
    const fit = osFit(osVariant, spec, newDisk ? spec.storage.sizeGiB : null);
    warnings.push(...fit.warnings);
    for (const [k, v] of Object.entries(fit.fields)) fields[k] ??= v;
  }

  const domainType = await guestDomainType(host);
  if (domainType.type === 'qemu') warnings.push(domainType.reason);
  if (spec.os.firmware === 'efi' && !(await firmwareOffered(client, domainType.type, spec.os.machine))) {
    fields['os.firmware'] = 'This host offers no UEFI firmware for that machine type (install the ovmf package), so only BIOS is possible.';
  }

  return { fields, warnings, newDisk, image, importFormat, seedFiles, domainType, osVariant };
}

/** The spec, or InputError with a plain message per field. */
function parseSpec(raw: unknown): CreateVmSpec {
  const parsed = createVmSpecSchema.safeParse(raw);
  if (!parsed.success) throw InputError.of(zodFields(parsed.error), NOT_VALID);
  return parsed.data;
}

// What a later step's section is taken to be while an earlier step is checked and that section is not valid yet.
const STAND_INS: Record<string, unknown> = {
  os: undefined,
  resources: { vcpus: 1, memoryMiB: 64 },
  storage: { pool: 'default', sizeGiB: 1 },
  network: { type: 'none' },
  cloudInit: undefined,
  xml: undefined,
  identity: undefined,
};

/**
 * Checks the wizard's settings up to one step (its Next button): the fields of that step and of the ones before
 * it, in the schema and against the host. Later steps may be unfinished: their sections stand in with simple
 * values, and whatever is wrong with those is left for their own step. At the review step it is the whole plan.
 */
export async function checkStep(host: HostContext, raw: unknown, step: StepId): Promise<{ warnings: string[] }> {
  const upTo = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).filter(([k]) => fieldUpTo(k, step)));
  let parsed = createVmSpecSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    if (Object.keys(upTo(fields)).length) throw InputError.of(upTo(fields), NOT_VALID);
    const patched: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const k of Object.keys(fields)) {
      const head = k.split('.')[0]!;
      if (head in STAND_INS) patched[head] = STAND_INS[head];
    }
    parsed = createVmSpecSchema.safeParse(patched);
    if (!parsed.success) return { warnings: [] };
  }
  const found = await inspect(host, parsed.data);
  const mine = upTo(found.fields);
  if (Object.keys(mine).length) throw InputError.of(mine, NOT_VALID);
  return { warnings: step === 'review' ? found.warnings : [] };
}

export async function planVm(host: HostContext, raw: unknown): Promise<CreatePlan> {
  const spec = parseSpec(raw);
  const { fields, warnings, newDisk, image, importFormat, seedFiles, domainType, osVariant } = await inspect(host, spec);
  const src = spec.source;
  const seedName = seedVolumeName(spec.name);
  if (Object.keys(fields).length) throw InputError.of(fields, NOT_VALID);

  const identity = spec.identity ?? newIdentity();
  const used = new Set<string>();
  const disks: PlannedDisk[] = [];
  if (src.kind === 'iso') {
    disks.push({
      device: 'cdrom',
      pool: src.iso.pool,
      volume: src.iso.volume,
      format: 'raw',
      bus: spec.os.machine === 'q35' ? 'sata' : 'ide',
      target: '',
      bootOrder: 1,
    });
  }
  if (newDisk)
    disks.push({
      device: 'disk',
      pool: newDisk.pool,
      volume: newDisk.name,
      format: newDisk.format,
      bus: spec.storage.bus,
      target: '',
      bootOrder: src.kind === 'iso' ? 2 : 1,
    });
  if (src.kind === 'import')
    disks.push({
      device: 'disk',
      pool: src.disk.pool,
      volume: src.disk.volume,
      format: importFormat ?? 'raw',
      bus: spec.storage.bus,
      target: '',
      bootOrder: 1,
    });
  // The seed goes on virtio-scsi: every cloud kernel has virtio, while some (Debian's cloud kernel) lack AHCI and
  // would never see a SATA CD-ROM on q35.
  if (seedFiles) disks.push({ device: 'cdrom', pool: spec.storage.pool, volume: seedName, format: 'raw', bus: 'scsi', target: '' });
  // Targets after the order is known: disks first by bus, so the boot disk is vda/sda.
  for (const d of [...disks.filter((x) => x.device === 'disk'), ...disks.filter((x) => x.device === 'cdrom')]) {
    const target = pickTarget(d.bus, used);
    if (!target) throw new Error(`No free ${d.bus} target name.`);
    used.add((d.target = target));
  }

  const domain: DomainPlan = {
    name: spec.name,
    uuid: identity.uuid,
    title: spec.title,
    domainType: domainType.type,
    ...(domainType.cpuMode ? { cpuMode: domainType.cpuMode } : {}),
    ...(osVariant ? { osinfoId: osVariant.id } : {}),
    machine: spec.os.machine,
    firmware: spec.os.firmware,
    memoryMiB: spec.resources.memoryMiB,
    vcpus: spec.resources.vcpus,
    disks,
    nic:
      spec.network.type === 'none'
        ? null
        : {
            type: spec.network.type,
            source: spec.network.type === 'network' ? spec.network.network : spec.network.bridge,
            model: spec.network.model,
            mac: identity.mac,
          },
    kernel: src.kind === 'kernel' ? { kernel: src.kernel, initrd: src.initrd, cmdline: src.cmdline } : undefined,
  };
  const generatedXml = buildDomainXml(domain);
  let xml = generatedXml;
  if (spec.xml !== undefined && spec.xml.trim() !== '') {
    try {
      const problem = checkEditedDomainXml(spec.xml, { name: spec.name, uuid: identity.uuid });
      if (problem) throw InputError.of({ xml: problem }, NOT_VALID);
    } catch (err) {
      if (err instanceof XmlSyntaxError) throw InputError.of({ xml: err.message }, NOT_VALID);
      throw err;
    }
    xml = spec.xml;
  }
  return {
    spec: { ...spec, identity },
    domain,
    xml,
    generatedXml,
    domainType,
    warnings,
    newDisk,
    image,
    seed: seedFiles ? { pool: spec.storage.pool, name: seedName, files: seedFiles } : null,
    osVariant,
  };
}
