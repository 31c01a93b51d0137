import { describe, expect, it } from 'vitest';
import { ConnectionError, ErrorNumber, LibvirtError } from '@/lib/libvirt';
import { describeError, InputError } from './errors';

const lv = (code: number, message: string) => new LibvirtError({ code, domain: 10, level: 2, message });

describe('describeError', () => {
  it('maps libvirt codes to statuses and keeps libvirt\'s reason', () => {
    expect(describeError(lv(ErrorNumber.ERR_NO_DOMAIN, "no domain 'x'"), 'virtual machine "x"')).toEqual({
      status: 404, code: 'ERR_NO_DOMAIN', message: `Virtual machine "x" was not found (it may have been deleted elsewhere). libvirt says: no domain 'x'`,
    });
    expect(describeError(lv(ErrorNumber.ERR_OPERATION_INVALID, 'domain is already running')).status).toBe(409);
    expect(describeError(lv(ErrorNumber.ERR_XML_INVALID_SCHEMA, 'bad')).status).toBe(422);
    expect(describeError(lv(ErrorNumber.ERR_INTERNAL_ERROR, 'boom')).message).toMatch(/libvirt says: boom/);
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
  it('passes input errors through', () => {
    expect(describeError(new InputError('Bad name', 404))).toEqual({ status: 404, message: 'Bad name' });
  });
});
