import { describe, expect, it } from 'vitest';
import { decodeCpuFeatures, knownCpuFeatures } from './cpuid';
import { leaf } from './test-support/fixtures';

const names = (leaves: Parameters<typeof decodeCpuFeatures>[0]) => decodeCpuFeatures(leaves).map((f) => f.name);

describe('decodeCpuFeatures', () => {
  it('decodes leaf 1 ECX of a VMX-capable Intel CPU (0x7ffafbff)', () => {
    const got = names([leaf(1, 0, { ecx: 0x7ffafbff })]);
    expect(got).toEqual(expect.arrayContaining(['pni', 'vmx', 'ssse3', 'pcid', 'sse4_1', 'sse4_2', 'x2apic', 'aes', 'avx', 'rdrand']));
    expect(got).not.toContain('cid'); // bit 10 clear
    expect(got).not.toContain('dca'); // bit 18 clear
    expect(got).not.toContain('hypervisor'); // bit 31 clear
  });

  it('decodes leaf 1 ECX as KVM reports it under PVM (0x81202000): four bits', () => {
    expect(names([leaf(1, 0, { ecx: 0x81202000 })])).toEqual(['cx16', 'x2apic', 'tsc_deadline_timer', 'hypervisor']);
  });

  it('decodes leaf 1 EDX bit by bit (0x00000001 = fpu, 0x06000000 = sse, sse2)', () => {
    expect(names([leaf(1, 0, { edx: 0x1 })])).toEqual(['fpu']);
    expect(names([leaf(1, 0, { edx: 0x06000000 })])).toEqual(['sse', 'sse2']);
  });

  it('decodes leaf 7.0 EBX/ECX/EDX (avx2, avx512f, sha_ni, vaes, fsrm)', () => {
    const got = names([leaf(7, 0, { ebx: (1 << 5) | (1 << 16) | (1 << 29), ecx: 1 << 9, edx: 1 << 4 })]);
    expect(got).toEqual(['avx2', 'avx512f', 'sha_ni', 'vaes', 'fsrm']);
  });

  it('takes leaf 7 subleaf 0 features only from subleaf 0 when the index is significant', () => {
    expect(names([leaf(7, 1, { flags: 1, ebx: 1 << 5 })])).toEqual([]);
    expect(names([leaf(7, 1, { flags: 1, ebx: 1 << 3 }), leaf(7, 0, { flags: 1, ebx: 1 << 5 })])).toEqual(['avx2']);
  });

  it('uses an entry whose index is not significant for any subleaf', () => {
    expect(names([leaf(1, 3, { flags: 0, edx: 1 })])).toEqual(['fpu']);
  });

  it('decodes AMD leaf 0x80000001 (svm, lm, nx)', () => {
    const got = decodeCpuFeatures([leaf(0x80000001, 0, { ecx: 1 << 2, edx: (1 << 29) | (1 << 20) })]);
    expect(got.map((f) => f.name)).toEqual(['nx', 'lm', 'svm']);
    expect(got.find((f) => f.name === 'svm')).toEqual({ name: 'svm', leaf: 0x80000001, subleaf: 0, register: 'ecx', bit: 2 });
  });

  it('treats register values as unsigned (bit 31 set)', () => {
    expect(names([leaf(0x80000001, 0, { edx: 0x80000000 })])).toEqual(['3dnow']);
  });

  it('returns nothing for missing leaves and knows each name once', () => {
    expect(decodeCpuFeatures([])).toEqual([]);
    expect(new Set(knownCpuFeatures).size).toBe(knownCpuFeatures.length);
  });
});
