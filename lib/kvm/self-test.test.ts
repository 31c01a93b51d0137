import { describe, expect, it } from 'vitest';
import { interpretSelfTest } from './self-test';
import { goodRawSelfTest } from './test-support/fixtures';

describe('interpretSelfTest', () => {
  it('passes an OUT of 0x2a to port 0x10 followed by HLT', () => {
    const t = interpretSelfTest(goodRawSelfTest());
    expect(t).toMatchObject({ ok: true, problem: null, exitReason: 'KVM_EXIT_IO', secondExitReason: 'KVM_EXIT_HLT', port: 0x10, value: 0x2a });
    expect(t.durationMs).toBe(1.5);
  });

  it('fails a wrong value or port', () => {
    expect(interpretSelfTest(goodRawSelfTest({ ioValue: 0x2b })).problem).toBe('the guest wrote 0x2b to port 0x10, expected 0x2a to 0x10');
    expect(interpretSelfTest(goodRawSelfTest({ ioPort: 0x11 })).ok).toBe(false);
  });

  it('fails an IN instead of an OUT', () => {
    expect(interpretSelfTest(goodRawSelfTest({ ioDirection: 0 })).problem).toMatch(/not a single one-byte OUT/);
  });

  it('fails another first exit and names it', () => {
    const t = interpretSelfTest(goodRawSelfTest({ exitReason: 8, exitName: 'KVM_EXIT_SHUTDOWN' }));
    expect(t).toMatchObject({ ok: false, exitReason: 'KVM_EXIT_SHUTDOWN', port: null, value: null, secondExitReason: null });
    expect(t.problem).toBe('the first exit was KVM_EXIT_SHUTDOWN, expected KVM_EXIT_IO');
  });

  it('labels exits the headers did not know by number', () => {
    expect(interpretSelfTest(goodRawSelfTest({ exitReason: 99, exitName: null })).exitReason).toBe('exit reason 99');
  });

  it('fails when the guest did not halt after the OUT', () => {
    expect(interpretSelfTest(goodRawSelfTest({ secondExitReason: 2, secondExitName: 'KVM_EXIT_IO' })).problem).toMatch(/expected KVM_EXIT_HLT/);
  });

  it('reports a time-out with no exit', () => {
    const t = interpretSelfTest(goodRawSelfTest({ timedOut: true, exitReason: 0, exitName: 'KVM_EXIT_UNKNOWN', durationNs: 200e6 }));
    expect(t).toMatchObject({ ok: false, timedOut: true, exitReason: null });
    expect(t.problem).toBe('the vCPU did not exit within the time limit (200 ms)');
  });

  it('reports the failing ioctl', () => {
    const t = interpretSelfTest(goodRawSelfTest({ errno: 12, code: 'ENOMEM', failedStage: 'KVM_CREATE_VM' }));
    expect(t).toMatchObject({ ok: false, failedStage: 'KVM_CREATE_VM', errorCode: 'ENOMEM', exitReason: null });
    expect(t.problem).toBe('KVM_CREATE_VM failed with ENOMEM');
  });
});
