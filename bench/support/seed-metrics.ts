// A month of one VM's history written straight into a Vireo database (the bench's "month graph" needs a month it
// cannot wait for). Run with tsx and the server-only hook, DATABASE_URL naming the stopped server's database;
// argv[2] is JSON { hostId, uuid, name, nowS, mac }.
import { deviceKey, type Group, type Point } from '../../lib/metrics/point';
import { metricStore, type StoredPoint } from '../../lib/metrics/store';
import { TIERS, bucketOf } from '../../lib/metrics/tiers';

const { hostId, uuid, name, nowS, mac } = JSON.parse(process.argv[2]!) as { hostId: string; uuid: string; name: string; nowS: number; mac: string };

/** Writes one device's fields into the point under their device keys. */
function setDevice(p: Point, group: Group, device: string, fields: Record<string, number>): void {
  for (const [field, value] of Object.entries(fields)) p[deviceKey(group, device, field)] = value;
}

function pointAt(t: number): Point {
  const wave = (period: number) => 0.5 + 0.5 * Math.sin((t / period) * 2 * Math.PI);
  const cpu = 5 + 60 * wave(86_400);
  const p: Point = { cpu, cpuMax: cpu * 1.2, memUsed: 40e6 + 20e6 * wave(3600), memBalloon: 64 << 20, memAvailable: 60e6, memRss: 90e6 };
  setDevice(p, 'vcpu', '0', { percent: cpu });
  setDevice(p, 'disk', 'vda', { readBps: 1e5 * wave(7200), writeBps: 5e4 * wave(5400), readIops: 10 * wave(7200), writeIops: 5 * wave(5400) });
  setDevice(p, 'nic', mac, { rxBps: 2e4 * wave(1800), txBps: 1e4 * wave(2400), rxPps: 20 * wave(1800), txPps: 10 * wave(2400) });
  return p;
}

const store = metricStore();
const seriesId = await store.seriesId(hostId, 'vm', uuid, name);
let written = 0;
for (const tier of TIERS.slice(0, 3)) {
  const rows: StoredPoint[] = [];
  const end = bucketOf(tier, nowS);
  for (let t = end - tier.retention + tier.step; t <= end; t += tier.step) rows.push({ seriesId, tier: tier.id, t, point: pointAt(t) });
  for (let i = 0; i < rows.length; i += 500) await store.write(rows.slice(i, i + 500));
  written += rows.length;
}
console.log(JSON.stringify({ seriesId, written }));
process.exit(0);
