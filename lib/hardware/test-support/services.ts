// The hardware services for integration tests, imported only once a test has set its environment up (settings
// are read when the modules load).
export async function hardwareServices() {
  const [view, disks, cdrom, nics, memory, vcpus, boot] = await Promise.all([
    import('../view'),
    import('../disks'),
    import('../cdrom'),
    import('../nics'),
    import('../memory'),
    import('../vcpus'),
    import('../boot'),
  ]);
  return { view, disks, cdrom, nics, memory, vcpus, boot };
}

export type HardwareServices = Awaited<ReturnType<typeof hardwareServices>>;
