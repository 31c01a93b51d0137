import { deletePlan } from '@/lib/vms/delete';
import { vmRead } from '../vm-read';

export const GET = vmRead('What deleting the virtual machine could remove with it (volumes, NVRAM, snapshots)', 'vm.delete', deletePlan);
