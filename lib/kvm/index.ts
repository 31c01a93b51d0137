export { probeKvm, type ProbeKvmOptions } from './probe';
export { KvmError, plainReason, fixFor, type KvmErrorCode } from './errors';
export { evaluateReadiness, chooseDomainType, type ReadinessCheck, type CheckStatus, type DomainTypeDecision } from './readiness';
export { decodeCpuFeatures, knownCpuFeatures, type CpuFeature } from './cpuid';
export { capabilityInfo } from './capabilities';
export type { KvmReport, KvmCapability, KvmSelfTest } from './types';
export type { NestedInfo } from './nested';
