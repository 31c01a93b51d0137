// One host's VMs: the same list as /vms, fed by that host's live stream (the hooks read {host} from the address).
export { default, metadata } from '../../../vms/page';
