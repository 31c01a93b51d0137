import { describe, expect, it } from 'vitest';
import { detailView, keyName, reasonOf } from './detail-lines';

describe('audit detail lines', () => {
  it('shows nothing for an entry without detail', () => {
    expect(detailView(null)).toEqual({ summary: null, lines: [], raw: null });
  });

  it('turns a hardware change into what was asked and what each half did, with the summary apart', () => {
    const detail = JSON.stringify({
      live: { status: 'refused', reason: 'Operation not supported: cannot change vCPUs live', code: 'OPERATION_UNSUPPORTED' },
      persistent: { status: 'applied' },
      summary: 'vCPUs set to 2 for next boot; the running guest refused.',
      current: 2,
      hotplug: { slots: 4 },
    });
    expect(detailView(detail)).toEqual({
      summary: 'vCPUs set to 2 for next boot; the running guest refused.',
      raw: null,
      lines: [
        { key: 'Running guest', value: 'refused: Operation not supported: cannot change vCPUs live', tone: 'refused' },
        { key: 'Next boot', value: 'applied', tone: 'ok' },
        { key: 'Current', value: '2' },
        { key: 'Hotplug slots', value: '4' },
      ],
    });
  });

  it('leaves out the half that was not asked for, and empty fields', () => {
    const v = detailView(JSON.stringify({ live: { status: 'not-requested' }, persistent: { status: 'applied' }, title: null }));
    expect(v.lines).toEqual([{ key: 'Next boot', value: 'applied', tone: 'ok' }]);
  });

  it('writes sizes in units, booleans as yes/no, lists joined', () => {
    const v = detailView(
      JSON.stringify({ format: 'qcow2', capacity: 1073741824, autostart: true, build: false, hostnames: ['a.lab', 'b.lab'], rolledBack: [] }),
    );
    expect(v.lines).toEqual([
      { key: 'Format', value: 'qcow2' },
      { key: 'Capacity', value: '1.0 GiB (1,073,741,824 bytes)' },
      { key: 'Start at boot', value: 'yes' },
      { key: 'Build', value: 'no' },
      { key: 'Hostnames', value: 'a.lab, b.lab' },
      { key: 'Rolled back', value: 'none' },
    ]);
  });

  it('writes a list of objects as one entry per object', () => {
    expect(detailView(JSON.stringify({ hosts: [{ ip: '10.0.0.5', mac: 'aa' }, { ip: '10.0.0.6' }] })).lines).toEqual([
      { key: 'Hosts', value: 'ip address 10.0.0.5, mac address aa; ip address 10.0.0.6' },
    ]);
  });

  it('shows text that is not a JSON object as it is (an entry clipped at the length limit)', () => {
    expect(detailView('{"xml":"<domain>…')).toEqual({ summary: null, lines: [], raw: '{"xml":"<domain>…' });
    expect(detailView('[1,2]').raw).toBe('[1,2]');
  });

  it('names keys in words', () => {
    expect(keyName('targetPath')).toBe('Target path');
    expect(keyName('jobId')).toBe('Job');
    expect(keyName('hotplug.slots')).toBe('Hotplug slots');
    expect(keyName('removeVolumes')).toBe('Remove volumes');
  });
});

describe('audit reasons', () => {
  it('puts the words of a failure first and its code apart', () => {
    expect(reasonOf('ERR_OPERATION_INVALID: That is not possible right now. libvirt says: domain is not running')).toEqual({
      text: 'That is not possible right now. libvirt says: domain is not running',
      code: 'ERR_OPERATION_INVALID',
    });
    expect(reasonOf('role viewer lacks vm.lifecycle')).toEqual({ text: 'role viewer lacks vm.lifecycle', code: null });
  });
});
