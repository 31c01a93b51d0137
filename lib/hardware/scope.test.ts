import { describe, expect, it } from 'vitest';
import { applyHalves, checkScope, summarize } from './scope';

function libvirtError(message: string, codeName: string): Error {
  return Object.assign(new Error(message), { name: 'LibvirtError', code: 55, codeName });
}

const running = { running: true, dom: { name: 'vm1', uuid: '', id: 3 } };
const stopped = { running: false, dom: { name: 'vm1', uuid: '', id: -1 } };

describe('change scope', () => {
  it('refuses an empty scope and live on a stopped VM', () => {
    expect(() => checkScope({ live: false, persistent: false }, running)).toThrow(/Choose where/);
    expect(() => checkScope({ live: true, persistent: true }, stopped, 'The memory change')).toThrow(
      /The memory change cannot apply live: "vm1" is not running/,
    );
    expect(() => checkScope({ live: false, persistent: true }, stopped)).not.toThrow();
    expect(() => checkScope({ live: true, persistent: false }, running)).not.toThrow();
  });

  it('runs persistent first, then live, and keeps a refused live half as an outcome', async () => {
    const order: string[] = [];
    const outcome = await applyHalves(
      { live: true, persistent: true },
      {
        persistent: async () => void order.push('persistent'),
        live: async () => {
          order.push('live');
          throw libvirtError('Operation not supported: no hotplug', 'ERR_OPERATION_UNSUPPORTED');
        },
      },
      'Disk vdb added',
    );
    expect(order).toEqual(['persistent', 'live']);
    expect(outcome).toEqual({
      persistent: { status: 'applied' },
      live: { status: 'refused', reason: 'Operation not supported: no hotplug', code: 'ERR_OPERATION_UNSUPPORTED' },
      summary: 'Disk vdb added for next boot only: the running guest refused the change (Operation not supported: no hotplug).',
    });
  });

  it('can lead with the live half', async () => {
    const order: string[] = [];
    await applyHalves(
      { live: true, persistent: true },
      { persistent: async () => void order.push('p'), live: async () => void order.push('l') },
      'x',
      'live-first',
    );
    expect(order).toEqual(['l', 'p']);
  });

  it('throws a 409 refusal with both reasons when nothing took effect', async () => {
    const err = await applyHalves(
      { live: true, persistent: true },
      {
        persistent: async () => {
          throw libvirtError('bad config', 'ERR_CONFIG_UNSUPPORTED');
        },
        live: async () => {
          throw libvirtError('bad live', 'ERR_OPERATION_FAILED');
        },
      },
      'x',
    ).then(
      () => null,
      (e: unknown) => e as { name: string; status: number; message: string; code: string },
    );
    expect(err).toMatchObject({ name: 'ChangeRefusedError', status: 409, code: 'ERR_CONFIG_UNSUPPORTED' });
    expect(err?.message).toBe('Nothing was changed. libvirt says: bad config / bad live');
  });

  it('does not turn a lost connection into a refusal', async () => {
    const lost = Object.assign(new Error('interrupted'), { name: 'ConnectionError' });
    await expect(
      applyHalves(
        { live: false, persistent: true },
        {
          persistent: async () => {
            throw lost;
          },
        },
        'x',
      ),
    ).rejects.toBe(lost);
  });

  it('says exactly what took effect', () => {
    const a = { status: 'applied' } as const;
    const n = { status: 'not-requested' } as const;
    expect(summarize('Memory set to 512 MiB', a, a)).toBe('Memory set to 512 MiB live and for next boot.');
    expect(summarize('Memory set to 512 MiB', a, n)).toMatch(/live only; the next boot uses the saved definition/);
    expect(summarize('Memory set to 512 MiB', n, a)).toMatch(/for next boot; the running guest is unchanged/);
    expect(summarize('X', a, { status: 'refused', reason: 'r' })).toBe('X live only: saving it for next boot was refused (r).');
  });

  it('says a removal the guest has not done yet is requested, not done', () => {
    const pending = { status: 'pending', reason: 'the running guest has not released it yet.' } as const;
    expect(summarize('Disk vdb removed', pending, { status: 'not-requested' })).toBe('Disk vdb: removal requested: the running guest has not released it yet.');
    expect(summarize('Disk vdb removed', pending, { status: 'applied' })).toBe(
      'Disk vdb removed for next boot; removal from the running guest requested: the running guest has not released it yet.',
    );
  });
});
