export { HostContext, type HostOptions } from './host-context';
export { localHost, hostById, allHosts, eachHost, reloadHost, forgetHost, LOCAL_HOST_ID, type HostStarter } from './registry';
export type { HostStatus, HostConnectionState } from './status';
