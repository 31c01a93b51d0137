import { readHardware } from '@/lib/hardware/view';
import { vmRead } from '../vm-read';

export const GET = vmRead("A virtual machine's hardware, live and at next boot, with what the host offers", 'vm.read', readHardware);
