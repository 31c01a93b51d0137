import type { RawCpuidLeaf } from './addon';

type Register = 'eax' | 'ebx' | 'ecx' | 'edx';

interface FeatureBits {
  leaf: number;
  subleaf: number;
  register: Register;
  /** bit → name; names follow /proc/cpuinfo so the two can be compared directly. */
  bits: Record<number, string>;
}

// Bit positions from the Intel SDM vol. 2 (CPUID) and AMD APM vol. 3 (appendix E).
const tables: FeatureBits[] = [
  {
    leaf: 1,
    subleaf: 0,
    register: 'edx',
    bits: {
      0: 'fpu',
      1: 'vme',
      2: 'de',
      3: 'pse',
      4: 'tsc',
      5: 'msr',
      6: 'pae',
      7: 'mce',
      8: 'cx8',
      9: 'apic',
      11: 'sep',
      12: 'mtrr',
      13: 'pge',
      14: 'mca',
      15: 'cmov',
      16: 'pat',
      17: 'pse36',
      19: 'clflush',
      21: 'dts',
      22: 'acpi',
      23: 'mmx',
      24: 'fxsr',
      25: 'sse',
      26: 'sse2',
      27: 'ss',
      28: 'ht',
      29: 'tm',
      31: 'pbe',
    },
  },
  {
    leaf: 1,
    subleaf: 0,
    register: 'ecx',
    bits: {
      0: 'pni',
      1: 'pclmulqdq',
      2: 'dtes64',
      3: 'monitor',
      4: 'ds_cpl',
      5: 'vmx',
      6: 'smx',
      7: 'est',
      8: 'tm2',
      9: 'ssse3',
      10: 'cid',
      11: 'sdbg',
      12: 'fma',
      13: 'cx16',
      14: 'xtpr',
      15: 'pdcm',
      17: 'pcid',
      18: 'dca',
      19: 'sse4_1',
      20: 'sse4_2',
      21: 'x2apic',
      22: 'movbe',
      23: 'popcnt',
      24: 'tsc_deadline_timer',
      25: 'aes',
      26: 'xsave',
      28: 'avx',
      29: 'f16c',
      30: 'rdrand',
      31: 'hypervisor',
    },
  },
  {
    leaf: 7,
    subleaf: 0,
    register: 'ebx',
    bits: {
      0: 'fsgsbase',
      1: 'tsc_adjust',
      2: 'sgx',
      3: 'bmi1',
      4: 'hle',
      5: 'avx2',
      7: 'smep',
      8: 'bmi2',
      9: 'erms',
      10: 'invpcid',
      11: 'rtm',
      14: 'mpx',
      16: 'avx512f',
      17: 'avx512dq',
      18: 'rdseed',
      19: 'adx',
      20: 'smap',
      21: 'avx512ifma',
      23: 'clflushopt',
      24: 'clwb',
      25: 'intel_pt',
      26: 'avx512pf',
      27: 'avx512er',
      28: 'avx512cd',
      29: 'sha_ni',
      30: 'avx512bw',
      31: 'avx512vl',
    },
  },
  {
    leaf: 7,
    subleaf: 0,
    register: 'ecx',
    bits: {
      1: 'avx512vbmi',
      2: 'umip',
      3: 'pku',
      5: 'waitpkg',
      6: 'avx512_vbmi2',
      8: 'gfni',
      9: 'vaes',
      10: 'vpclmulqdq',
      11: 'avx512_vnni',
      12: 'avx512_bitalg',
      14: 'avx512_vpopcntdq',
      16: 'la57',
      22: 'rdpid',
      25: 'cldemote',
      27: 'movdiri',
      28: 'movdir64b',
    },
  },
  {
    leaf: 7,
    subleaf: 0,
    register: 'edx',
    bits: {
      2: 'avx512_4vnniw',
      3: 'avx512_4fmaps',
      4: 'fsrm',
      8: 'avx512_vp2intersect',
      10: 'md_clear',
      14: 'serialize',
      16: 'tsxldtrk',
      22: 'amx_bf16',
      23: 'avx512_fp16',
      24: 'amx_tile',
      25: 'amx_int8',
      26: 'spec_ctrl',
      27: 'intel_stibp',
      28: 'flush_l1d',
      29: 'arch_capabilities',
      31: 'spec_ctrl_ssbd',
    },
  },
  {
    leaf: 0x80000001,
    subleaf: 0,
    register: 'edx',
    bits: {
      11: 'syscall',
      19: 'mp',
      20: 'nx',
      22: 'mmxext',
      25: 'fxsr_opt',
      26: 'pdpe1gb',
      27: 'rdtscp',
      29: 'lm',
      30: '3dnowext',
      31: '3dnow',
    },
  },
  {
    leaf: 0x80000001,
    subleaf: 0,
    register: 'ecx',
    bits: {
      0: 'lahf_lm',
      1: 'cmp_legacy',
      2: 'svm',
      3: 'extapic',
      4: 'cr8_legacy',
      5: 'abm',
      6: 'sse4a',
      7: 'misalignsse',
      8: '3dnowprefetch',
      9: 'osvw',
      10: 'ibs',
      11: 'xop',
      12: 'skinit',
      13: 'wdt',
      15: 'lwp',
      16: 'fma4',
      17: 'tce',
      19: 'nodeid_msr',
      21: 'tbm',
      22: 'topoext',
      23: 'perfctr_core',
      24: 'perfctr_nb',
      26: 'bpext',
      27: 'ptsc',
      28: 'perfctr_llc',
      29: 'mwaitx',
    },
  },
];

export interface CpuFeature {
  name: string;
  leaf: number;
  subleaf: number;
  register: Register;
  bit: number;
}

/** KVM_CPUID_FLAG_SIGNIFCANT_INDEX: the entry is valid only for its own subleaf. */
const SIGNIFICANT_INDEX = 1;

function findLeaf(leaves: readonly RawCpuidLeaf[], leaf: number, subleaf: number): RawCpuidLeaf | undefined {
  return leaves.find((l) => l.function === leaf && (l.index === subleaf || !(l.flags & SIGNIFICANT_INDEX)));
}

/** Named CPU features set in CPUID leaves 1, 7.0 and 0x80000001, in table order. */
export function decodeCpuFeatures(leaves: readonly RawCpuidLeaf[]): CpuFeature[] {
  const out: CpuFeature[] = [];
  for (const t of tables) {
    const leaf = findLeaf(leaves, t.leaf, t.subleaf);
    if (!leaf) continue;
    const value = leaf[t.register] >>> 0;
    for (const [bitText, name] of Object.entries(t.bits)) {
      const bit = Number(bitText);
      if ((value >>> bit) & 1) out.push({ name, leaf: t.leaf, subleaf: t.subleaf, register: t.register, bit });
    }
  }
  return out;
}

/** Every feature name the decoder knows, for callers that want to show absent ones too. */
export const knownCpuFeatures: readonly string[] = tables.flatMap((t) => Object.values(t.bits));
