import { Domain } from './domain';
import { toKiB } from './units';
import { VIREO_NS } from './vireo-meta';
import { TAGS_NS } from './vm-tags';

// What the VM list needs of a definition: its size (vCPUs, memory), its NICs' MAC addresses, its tags and whether it
// is a template. The inventory reads this for every VM of every host (10,000 in a fleet), and parsing costs: ~0.35 ms
// for a whole 5 KB definition, still ~0.12 ms for the few parts that hold these, which made most of a fleet's load.
// So the definitions libvirt hands out, always formatted its own way, are read by `quickRowFacts` straight from the
// text: a handful of patterns for those few elements, each required to match libvirt's layout exactly. Anything
// else (another unit, a namespace bound another way, an element where none is expected) is left to the model,
// given only the parts (<memory>, <currentMemory>, <vcpu>, <metadata> and the <interface> elements of <devices>),
// or the whole definition if even those are not where libvirt puts them. The unit tests hold the quick reader
// to the model's answer on every golden definition.

export interface RowFacts {
  /** The vCPUs it has now (the live definition's while it runs). */
  vcpus: number;
  /** Memory now (the balloon's target while it runs), and the most it may have (KiB). */
  memoryKiB: number;
  maxMemKiB: number;
  /** Every NIC's MAC address, lower-case, in the definition's order. */
  macs: string[];
  tags: string[];
  template: boolean;
}

function section(xml: string, tag: string): string | null | undefined {
  const open = xml.indexOf(`<${tag}>`);
  if (open < 0) return xml.includes(`<${tag}`) ? undefined : null; // <tag attr=...> or <tag/>: not the usual shape
  const close = xml.indexOf(`</${tag}>`, open);
  if (close < 0 || xml.indexOf(`<${tag}>`, open + 1) >= 0) return undefined;
  return xml.slice(open, close + tag.length + 3);
}

/** The parts of the definition the facts come from, as a small <domain>; undefined when the shape is unusual. */
function parts(xml: string): string | undefined {
  const metadata = section(xml, 'metadata');
  const devices = section(xml, 'devices');
  if (metadata === undefined || devices === undefined) return undefined;
  const nics = devices?.match(/<interface\b[^>]*?(?:\/>|>[\s\S]*?<\/interface>)/g) ?? [];
  // The sizes are plain-text elements before <devices>; a DIMM's <memory> (in <devices>) has children, and
  // <numatune>'s is empty, so neither looks like them.
  const head = xml.slice(0, devices ? xml.indexOf('<devices>') : xml.length).replace(metadata ?? '', '');
  const sizes = head.match(/<(memory|currentMemory|vcpu)\b[^>]*>[^<]*<\/\1>/g) ?? [];
  if (new Set(sizes.map((e) => /^<(\w+)/.exec(e)![1])).size !== sizes.length) return undefined;
  return `<domain>${sizes.join('')}${metadata ?? ''}<devices>${nics.join('')}</devices></domain>`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The one plain-text element `name` in `head` ({ value, attrs }), null when absent, undefined when unusual. */
function plain(head: string, name: string): { value: string; attrs: string } | null | undefined {
  const all = head.match(new RegExp(`<${name}\\b([^>]*)>([^<]*)</${name}>`, 'g')) ?? [];
  if (all.length > 1) return undefined;
  if (!all.length) return head.includes(`<${name} `) || head.includes(`<${name}>`) ? undefined : null;
  const m = new RegExp(`^<${name}((?: [a-z]+='[^']*')*)>(\\d+)</${name}>$`).exec(all[0]!);
  return m ? { attrs: m[1]!, value: m[2]! } : undefined;
}

const attr = (attrs: string, name: string) => new RegExp(`\\b${name}='([^']*)'`).exec(attrs)?.[1] ?? null;

/** KiB of a <memory>/<currentMemory>; null when absent, undefined when unusual. */
function kib(head: string, name: string): number | null | undefined {
  const el = plain(head, name);
  if (!el) return el;
  const unit = attr(el.attrs, 'unit');
  return unit === null || unit === 'KiB' ? toKiB(Number(el.value), unit) : undefined;
}

/**
 * The element `prefix:local` of namespace `ns` in <metadata> (the model's prefix: libvirt keeps the one Vireo
 * wrote): its content; null when the namespace is not used, undefined when it is used some other way.
 */
function nsElement(metadata: string, ns: string, prefix: string, local: string): string | null | undefined {
  const uses = metadata.split(ns).length - 1;
  if (!uses) return null;
  const m = new RegExp(`<${prefix}:${local} xmlns:${prefix}=(["'])${escapeRe(ns)}\\1(/>|>([\\s\\S]*?)</${prefix}:${local}>)`).exec(metadata);
  return m && uses === 1 ? (m[3] ?? '') : undefined;
}

/** The facts straight from libvirt's text; undefined whenever the text is not laid out as libvirt writes it. */
export function quickRowFacts(xml: string): RowFacts | undefined {
  const metadata = section(xml, 'metadata');
  const devices = section(xml, 'devices');
  if (metadata === undefined || devices === undefined) return undefined;
  const head = xml.slice(0, devices ? xml.indexOf('<devices>') : xml.length).replace(metadata ?? '', '');
  const max = kib(head, 'memory');
  const current = kib(head, 'currentMemory');
  const vcpu = plain(head, 'vcpu');
  if (max === undefined || current === undefined || vcpu === undefined) return undefined;
  const macs: string[] = [];
  for (const nic of devices?.match(/<interface\b[^>]*?(?:\/>|>[\s\S]*?<\/interface>)/g) ?? []) {
    const found = nic.match(/<mac\b[^>]*>/g) ?? [];
    if (found.length > 1) return undefined;
    if (!found.length) continue;
    const mac = /^<mac address='([0-9A-Fa-f:]+)'\/>$/.exec(found[0]!);
    if (!mac) return undefined;
    macs.push(mac[1]!.toLowerCase());
  }
  const tagsEl = nsElement(metadata ?? '', TAGS_NS, 'vireo-tags', 'tags');
  const vm = nsElement(metadata ?? '', VIREO_NS, 'vireo', 'vm');
  if (tagsEl === undefined || vm === undefined) return undefined;
  const tags: string[] = [];
  if (tagsEl !== null) {
    const tag = /<vireo-tags:tag>([^<]*)<\/vireo-tags:tag>/g;
    if (tagsEl.replace(tag, '').trim()) return undefined; // something besides plain tags
    for (const m of tagsEl.matchAll(tag)) {
      const name = unescape(m[1]!).trim();
      if (name) tags.push(name);
    }
  }
  let template = false;
  if (vm !== null) {
    const marks = vm.match(/<vireo:template\b[^>]*>/g) ?? [];
    if (marks.length > 1) return undefined;
    template = marks.length === 1 && /\ssince=(["'])[^"']*\1/.test(marks[0]);
  }
  const vcpus = vcpu ? Number(attr(vcpu.attrs, 'current') ?? vcpu.value) : 0;
  return { vcpus, memoryKiB: current ?? max ?? 0, maxMemKiB: max ?? 0, macs, tags, template };
}

function factsOf(d: Domain): RowFacts {
  const max = d.memory.maximumKiB ?? 0;
  return {
    vcpus: d.cpu.vcpuCurrent ?? d.cpu.vcpus ?? 0,
    memoryKiB: d.memory.currentKiB ?? max,
    maxMemKiB: max,
    macs: d.interfaces.flatMap((nic) => (nic.mac ? [nic.mac.toLowerCase()] : [])),
    tags: d.tags?.names ?? [],
    template: d.vireo?.isTemplate ?? false,
  };
}

/** The facts of a definition (live or persistent, as given). Malformed XML is an XmlSyntaxError, as Domain.parse's. */
export function rowFacts(xml: string): RowFacts {
  const quick = quickRowFacts(xml);
  if (quick) return quick;
  const small = parts(xml);
  if (small !== undefined) {
    try {
      return factsOf(Domain.parse(small));
    } catch {
      // cut in an unexpected place: the whole definition decides
    }
  }
  return factsOf(Domain.parse(xml));
}
