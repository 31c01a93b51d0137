export * from './vireo-error';
export * from './describe';
export * from './validate';
