export * from './vireo-error';
export * from './describe';
