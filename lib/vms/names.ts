import { z } from 'zod';

// libvirt accepts almost any name, but Vireo only acts on names a URL and a shell carry safely.
export const vmNameSchema = z
  .string()
  .min(1, 'A virtual machine name cannot be empty.')
  .max(100, 'Virtual machine names are at most 100 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'Names may use letters, digits, ".", "_", "+" and "-", starting with a letter or digit.');

export function checkVmName(name: string): string | null {
  const r = vmNameSchema.safeParse(name);
  return r.success ? null : r.error.issues[0]!.message;
}

/** The `{name}` of /api/vms/{name}/...: a name Vireo would never give names nothing (404). */
export const vmParams = z.object({ name: vmNameSchema });
