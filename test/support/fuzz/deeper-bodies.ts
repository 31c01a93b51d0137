import fc from 'fast-check';
import { z } from 'zod';
import { createVmSpecSchema } from '@/lib/provisioning/spec';
import { type GenOptions, validArbitrary } from './arbitrary';
import type { JsonSchema } from './json-schema';

// Where the API document says less than a route checks, on purpose, and what the fuzzer uses instead: cross-field
// rules, the create-VM spec (checked by the planner), and definitions (XML is a string to the document). Keep it
// short: a rule JSON Schema can state belongs in the route's schema, where the document picks it up.

/**
 * Rules JSON Schema has no words for (one field's need depends on another's value). Valid bodies for these routes
 * are the document's, kept only when the route's own schema accepts them.
 */
export const CROSS_FIELD_RULES: Record<string, string> = {
  'POST /api/hosts/{host}/storage/pools': 'which fields each pool type needs (poolInputSchema.superRefine)',
  'POST /api/alerts/rules': 'a threshold or a state depending on the metric, a scope value unless the scope is all (ruleBody.superRefine)',
  'PUT /api/alerts/rules/{id}': 'as POST /api/alerts/rules',
  'POST /api/alerts/receivers': 'an address for webhooks, addresses for email (receiverBody.superRefine)',
  'PUT /api/alerts/receivers/{id}': 'as POST /api/alerts/receivers',
  'POST /api/alerts/silences': 'at least one matcher of rule, VM and host (silenceBody.superRefine)',
};

/**
 * Ways to change a definition the route must check before libvirt sees it, or libvirt must refuse: another object's
 * name or uuid (a redefine that would define a second object), cut short, an external entity, a host file as a disk.
 */
const XML_MUTATIONS: ((xml: string, other: string) => string)[] = [
  (xml) => xml,
  (xml, other) => xml.replace(/<name>[^<]*<\/name>/, `<name>${other}</name>`),
  (xml) => xml.replace(/<uuid>[^<]*<\/uuid>/, '<uuid>00000000-0000-4000-8000-000000000001</uuid>'),
  (xml) => xml.replace(/<uuid>[^<]*<\/uuid>/, ''),
  (xml) => xml.slice(0, Math.floor(xml.length / 2)),
  (xml) => `<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${xml.replace(/<\/name>/, '</name><description>&x;</description>')}`,
  (xml) => xml.replace('</devices>', "<disk type='file' device='disk'><source file='/etc/shadow'/><target dev='vdz' bus='virtio'/></disk></devices>"),
  (xml) => xml.replace(/<memory[^>]*>[^<]*<\/memory>/, "<memory unit='KiB'>99999999999999999999</memory>"),
  (xml) => xml.replace(/^<(\w+)/, '<$1 xmlns:evil="urn:x"><evil:x/'),
];

/** Definitions of objects that exist, changed one way each, as { xml } bodies. */
function xmlBodies(xmls: string[], names: string[]): fc.Arbitrary<unknown> | null {
  if (!xmls.length) return null;
  return fc
    .tuple(fc.constantFrom(...xmls), fc.constantFrom(...XML_MUTATIONS), fc.constantFrom(...names, 'fuzz-new'))
    .map(([xml, mutate, other]) => ({ xml: mutate(xml, other) }));
}

export interface DeeperOptions extends GenOptions {
  /** Definitions that exist now, to change: the VMs' (inactive) and the networks'. */
  xml?: { domains: string[]; networks: string[]; domainNames: string[]; networkNames: string[] };
}

/** A create-VM spec that would download an image (from the catalog or a URL) takes its image from a volume instead. */
function noDownload(spec: unknown): unknown {
  const s = spec as { source?: { kind?: string; image?: { from?: string } } };
  if (s.source?.kind !== 'cloud-image' || s.source.image?.from === 'volume') return spec;
  return { ...s, source: { ...s.source, image: { from: 'volume', pool: 'default-pool', volume: 'fuzz-base.qcow2' } } };
}

/**
 * The create-VM routes take "any object" in the document (the planner checks the spec against the host and answers
 * per field); valid bodies come from the spec schema the planner parses with, kept when it accepts them (it has
 * refinements of its own: paths naming files, checksum lengths). POST /api/vms never gets a spec that downloads: a
 * create job must not start real work that outlives the test.
 */
/**
 * Generated specs mostly ask for more than a host has, in pools it lacks; half are brought within the test host's
 * means (its pool, a small disk, BIOS, no network), so the planner's later checks and the job itself run.
 */
function modest(spec: unknown, small: boolean): unknown {
  const s = spec as Record<string, unknown> & { storage: Record<string, unknown> };
  if (!small) return spec;
  return {
    ...s,
    resources: { vcpus: 1, memoryMiB: 128 },
    os: { machine: 'q35', firmware: 'bios' },
    storage: { ...s.storage, pool: 'default-pool', sizeGiB: 1 },
    network: { type: 'none' },
  };
}

export function deeperBodies(opts: DeeperOptions = {}): Record<string, fc.Arbitrary<unknown>> {
  const spec = fc
    .tuple(validArbitrary(z.toJSONSchema(createVmSpecSchema, { io: 'input' }) as JsonSchema, opts), fc.boolean())
    .map(([v, small]) => modest(v, small))
    .filter((v) => createVmSpecSchema.safeParse(v).success);
  const out: Record<string, fc.Arbitrary<unknown>> = { 'POST /api/hosts/{host}/vms': spec.map(noDownload), 'POST /api/hosts/{host}/provisioning/plan': spec };
  const vmXml = opts.xml && xmlBodies(opts.xml.domains, opts.xml.domainNames);
  const netXml = opts.xml && xmlBodies(opts.xml.networks, opts.xml.networkNames);
  if (vmXml) out['PUT /api/hosts/{host}/vms/{name}/xml'] = vmXml;
  if (netXml) out['PUT /api/hosts/{host}/networks/{name}/xml'] = netXml;
  return out;
}
