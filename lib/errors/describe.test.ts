import { describe, expect, it } from 'vitest';
import { ConnectionError, ErrorNumber, LibvirtError } from '@/lib/libvirt';
import { describeError } from './describe';
import { ConflictError, InputError, isVireoError, NotFoundError, VireoError } from './vireo-error';

const lv = (code: number, message: string) => new LibvirtError({ code, domain: 10, level: 2, message });

describe('describeError', () => {
  it("maps libvirt codes to statuses and keeps libvirt's reason", () => {
    expect(describeError(lv(ErrorNumber.ERR_NO_DOMAIN, "no domain 'x'"), 'virtual machine "x"')).toEqual({
      status: 404,
      code: 'ERR_NO_DOMAIN',
      message: `Virtual machine "x" was not found (it may have been deleted elsewhere). libvirt says: no domain 'x'`,
    });
    expect(describeError(lv(ErrorNumber.ERR_OPERATION_INVALID, 'domain is already running')).status).toBe(409);
    expect(describeError(lv(ErrorNumber.ERR_XML_INVALID_SCHEMA, 'bad')).status).toBe(422);
    expect(describeError(lv(ErrorNumber.ERR_INTERNAL_ERROR, 'boom')).message).toMatch(/libvirt says: boom/);
  });
  it('answers "this host does not support it" as a 409 in plain words, not as a failure of the server', () => {
    const d = describeError(lv(ErrorNumber.ERR_NO_SUPPORT, 'this function is not supported by the connection driver: virStorageVolDownload'));
    expect(d).toEqual({
      status: 409,
      code: 'ERR_NO_SUPPORT',
      message:
        'This host cannot do that: its libvirt does not support it. ' +
        'libvirt says: this function is not supported by the connection driver: virStorageVolDownload',
    });
    expect(describeError(lv(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, 'unsupported configuration')).status).toBe(409);
  });
  it('recognises errors by name, whichever copy of the module made them', () => {
    const foreign = Object.assign(new Error('Domain not found'), { name: 'LibvirtError', code: ErrorNumber.ERR_NO_DOMAIN, codeName: 'ERR_NO_DOMAIN' });
    expect(describeError(foreign).status).toBe(404);
  });
  it('says libvirtd is unreachable and that nothing changed', () => {
    const d = describeError(new ConnectionError('not-connected', 'not connected to libvirtd'));
    expect(d.status).toBe(503);
    expect(d.message).toMatch(/nothing was changed/);
  });
  it('passes our own errors through with their fields, code and details', () => {
    expect(describeError(new NotFoundError('Bad name'))).toEqual({ status: 404, message: 'Bad name' });
    expect(describeError(InputError.of({ 'disk.size': 'Too big.', name: 'Taken.' }))).toEqual({
      status: 422,
      message: 'Too big.',
      fields: { 'disk.size': 'Too big.', name: 'Taken.' },
    });
    expect(describeError(new ConflictError('In use.', { code: 'IN_USE', details: { vms: ['a'] } }))).toEqual({
      status: 409,
      message: 'In use.',
      code: 'IN_USE',
      details: { vms: ['a'] },
    });
  });
  it('knows its errors by brand, not by class identity', () => {
    class Elsewhere extends VireoError {}
    expect(isVireoError(new Elsewhere('x'))).toBe(true);
    expect(isVireoError(Object.assign(new Error('x'), { status: 422 }))).toBe(false);
    expect(isVireoError(null)).toBe(false);
  });
});
