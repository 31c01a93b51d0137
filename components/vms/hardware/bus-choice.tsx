import { SelectField } from '@/components/ui/inputs';
import { DISK_BUS_LABELS as LABELS, type DiskBus } from '@/lib/domain-xml/constants';

// Buses the machine type offers come first. The others stay choosable but say so plainly: the server is the
// judge (it refuses them with libvirt's reason), and hiding them would leave the user guessing why IDE is missing.
export function BusChoice({
  value,
  onChange,
  offered,
  all,
  machine,
  error,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  offered: readonly DiskBus[];
  all: readonly DiskBus[];
  machine: string | null;
  error?: string;
  disabled?: boolean;
}) {
  const others = all.filter((b) => !offered.includes(b));
  const lacking = value && !offered.includes(value as DiskBus);
  return (
    <SelectField
      label="Bus"
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      hint={
        lacking ? (
          <span className="text-amber-800">
            The machine type {machine ?? ''} does not offer {LABELS[value as DiskBus] ?? value}; the change will be refused.
          </span>
        ) : undefined
      }
    >
      {all
        .filter((b) => offered.includes(b))
        .map((b) => (
          <option key={b} value={b}>
            {LABELS[b]}
          </option>
        ))}
      {others.length ? (
        <optgroup label="Not offered by this machine type">
          {others.map((b) => (
            <option key={b} value={b}>
              {LABELS[b]} (not offered)
            </option>
          ))}
        </optgroup>
      ) : null}
    </SelectField>
  );
}
