export { HostContext, type HostOptions } from './host-context';
export { localHost, hostById, allHosts, reloadHost, forgetHost, LOCAL_HOST_ID } from './registry';
export type { HostStatus, HostConnectionState } from './status';
