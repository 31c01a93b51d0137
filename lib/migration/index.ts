export { precheckMigration } from './precheck';
export { startMigration, migrationDestinations, MigrationRefused, type MigrationRequest } from './start';
export type { PeerLink } from './live';
export * from './types';
