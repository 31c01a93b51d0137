import type { Document } from '@xmldom/xmldom';
import { isNicModel, NIC_MODELS } from '@/lib/domain-xml/constants';
import { Domain } from '@/lib/domain-xml/domain';
import { Interface } from '@/lib/domain-xml/interface';
import { cloneModel } from '@/lib/domain-xml/model';
import { NotFoundError, isLibvirtError } from '@/lib/errors';
import { type VmContext } from './context';
import { editVm } from './edit';
import { detachHalves } from './disks';
import { refuse } from './errors';
import { macProblem, macsInUse, normalizeMac, randomMac } from './mac';
import { applyHalves, type Changed } from './scope';
import type { NicAdd, NicUpdate } from './types';
import type { HostContext } from '@/lib/hosts';

// Network interfaces: hot-add and remove, switch the network or bridge, pull the virtual cable (link state).

type NicSource = NicAdd['source'];

// Linux interface names: at most 15 characters, no slash or whitespace.
const BRIDGE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;
const NETWORK_RE = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

async function checkSource(ctx: VmContext, source: NicSource): Promise<void> {
  if (source.type === 'network') {
    if (!NETWORK_RE.test(source.network)) refuse('source.network', `"${source.network}" is not a network name.`);
    try {
      await ctx.client.networks.lookupByName(source.network);
    } catch (err) {
      if (isLibvirtError(err)) refuse('source.network', `There is no libvirt network "${source.network}".`);
      throw err;
    }
  } else if (source.type === 'bridge') {
    if (!BRIDGE_RE.test(source.bridge)) refuse('source.bridge', `"${source.bridge}" is not a bridge name (letters, digits, . _ -, at most 15 characters).`);
  } else {
    refuse('source', 'The source must be a network or a bridge.');
  }
}

function sourceLabel(s: NicSource): string {
  return s.type === 'network' ? `network ${s.network}` : `bridge ${s.bridge}`;
}

/** A new NIC with its cable plugged in. */
function newNicXml(mac: string, source: NicSource, model: string): string {
  const nic = Interface.create({ mac, source, model });
  nic.linkState = 'up';
  return nic.toXml();
}

export async function addNic(host: HostContext, name: string, req: NicAdd): Promise<Changed> {
  return editVm(host, name, req, 'Adding a network interface', async (ctx) => {
    if (!isNicModel(req.model)) refuse('model', `Choose a model among ${NIC_MODELS.join(', ')}.`);
    await checkSource(ctx, req.source);
    const owners = await macsInUse(ctx.client);
    let mac: string;
    if (req.mac !== undefined && req.mac !== '') {
      const problem = macProblem(req.mac);
      if (problem) refuse('mac', problem);
      mac = normalizeMac(req.mac);
      const owner = owners.get(mac);
      if (owner) refuse('mac', `The MAC address ${mac} is already used by ${owner === ctx.dom.name ? 'this VM' : `"${owner}"`}.`);
    } else {
      mac = randomMac(owners);
    }
    const xml = newNicXml(mac, req.source, req.model);
    const outcome = await applyHalves(
      req,
      {
        persistent: () => ctx.client.domains.attachDevice(ctx.dom, xml, 'config'),
        live: () => ctx.client.domains.attachDevice(ctx.dom, xml, 'live'),
      },
      `Network interface ${mac} (${req.model}, ${sourceLabel(req.source)}) added`,
    );
    return outcome;
  });
}

function findNic(doc: Document | null, mac: string): Interface | null {
  return doc ? Domain.of(doc).interfaceByMac(mac) : null;
}

function nicsFor(ctx: VmContext, scope: { live: boolean; persistent: boolean }, rawMac: string): { mac: string; p: Interface | null; l: Interface | null } {
  if (macProblem(rawMac)) throw new NotFoundError(`"${rawMac}" is not a MAC address.`, { fields: { mac: 'Not a MAC address.' } });
  const mac = normalizeMac(rawMac);
  const p = findNic(ctx.inactive, mac);
  const l = findNic(ctx.live, mac);
  if (!p && !l) throw new NotFoundError(`"${ctx.dom.name}" has no network interface ${mac}.`, { fields: { mac: 'No such interface.' } });
  if (scope.persistent && !p) refuse('persistent', `Interface ${mac} exists only in the running guest, not in the definition for next boot.`);
  if (scope.live && !l) refuse('live', `Interface ${mac} is not attached to the running guest.`);
  return { mac, p: scope.persistent ? p : null, l: scope.live ? l : null };
}

function edited(n: Interface, req: NicUpdate): string {
  const nic = cloneModel(n);
  if (req.source) nic.setSource(req.source);
  if (req.linkState) nic.linkState = req.linkState;
  return nic.toXml();
}

export async function updateNic(host: HostContext, name: string, rawMac: string, req: NicUpdate): Promise<Changed> {
  return editVm(host, name, req, 'The interface change', async (ctx) => {
    const { mac, p, l } = nicsFor(ctx, req, rawMac);
    if (!req.source && !req.linkState) refuse('source', 'Nothing to change: give a new network/bridge or link state.');
    if (req.linkState && req.linkState !== 'up' && req.linkState !== 'down') refuse('linkState', 'The link state is up or down.');
    if (req.source) await checkSource(ctx, req.source);
    const parts = [req.source ? `now on ${sourceLabel(req.source)}` : null, req.linkState ? `link ${req.linkState}` : null].filter(Boolean);
    const outcome = await applyHalves(
      req,
      {
        persistent: () => ctx.client.domains.updateDevice(ctx.dom, edited(p!, req), 'config'),
        live: () => ctx.client.domains.updateDevice(ctx.dom, edited(l!, req), 'live'),
      },
      `Interface ${mac} ${parts.join(', ')}`,
    );
    return outcome;
  });
}

export async function removeNic(host: HostContext, name: string, rawMac: string, scope: { live: boolean; persistent: boolean }): Promise<Changed> {
  return editVm(host, name, scope, 'Removing an interface', async (ctx) => {
    const { mac, p, l } = nicsFor(ctx, scope, rawMac);
    const outcome = await detachHalves(ctx, scope, { p, l }, (doc) => !findNic(doc, mac), `Interface ${mac} removed`, { kind: 'nic', id: mac });
    return outcome;
  });
}
