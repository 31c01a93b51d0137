import { Duplex } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams, FUZZ_RUNS } from '@/test/support/fuzz';
import { ConnectionError, LibvirtError, ProtocolError } from '../errors';
import * as remote from '../protocol/remote.gen';
import { PROGRAM_KEEPALIVE, PROGRAM_REMOTE, cat, packet } from '../test-support/bytes';
import type { XdrReader } from '../xdr';
import { RpcConnection } from './connection';

// A connection to a libvirtd that answers nonsense: replies truncated, oversized, for the wrong call (decoded
// with the wrong type), with unknown programs, types and statuses, error reports that do not decode, then a
// broken tail. The connection never throws out of its socket handler, every call ends with its value or a typed
// error (ProtocolError, LibvirtError, ConnectionError), a call whose reply arrived has ended before the
// connection closes, and nothing is left waiting afterwards. FUZZ_RUNS (2,000) cases.

const decoders = Object.entries(remote as Record<string, unknown>).filter(
  (e): e is [string, (r: XdrReader) => unknown] => e[0].startsWith('dec') && typeof e[1] === 'function',
);

/** A socket that swallows what the client writes; the test plays the daemon by emitting 'data'. */
function quietSocket(): Duplex {
  return new Duplex({
    read() {},
    write(_chunk, _enc, done) {
      done();
    },
  });
}

function words(ws: number[]): Buffer {
  const b = Buffer.alloc(ws.length * 4);
  ws.forEach((w, i) => b.writeUInt32BE(w >>> 0, i * 4));
  return b;
}

const body = fc.oneof(
  fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b)),
  fc.array(fc.oneof(fc.constantFrom(0, 1, 2, 3, 16), fc.nat(40), fc.nat(), fc.constant(0xffffffff)), { maxLength: 40 }).map(words),
);

const reply = fc.record({
  prog: fc.oneof({ weight: 6, arbitrary: fc.constant(PROGRAM_REMOTE) }, fc.constant(PROGRAM_KEEPALIVE), fc.nat()),
  type: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, fc.nat(7), fc.integer()),
  serial: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) }, fc.nat()),
  status: fc.oneof({ weight: 3, arbitrary: fc.nat(2) }, fc.integer()),
  proc: fc.nat(450),
  body,
});

const tail = fc.oneof(
  fc.constant(Buffer.alloc(0)),
  fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)),
  fc.constantFrom(words([0xffffffff]), words([3]), words([33554432 + 5]), words([1000, 1, 1])),
);

describe('RpcConnection under a hostile daemon', () => {
  it(`ends every call with a value or a typed error, and never throws (${FUZZ_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(-1), fc.nat(decoders.length - 1)), { minLength: 1, maxLength: 6 }),
        fc.array(reply, { maxLength: 10 }),
        tail,
        fc.array(fc.nat(), { maxLength: 12 }),
        async (calls, replies, broken, cuts) => {
          const socket = quietSocket();
          const conn = new RpcConnection(socket);
          conn.on('protocol-warning', (e: unknown) => expect(e).toBeInstanceOf(Error));
          conn.on('message', () => undefined);
          const outcome: Array<{ ok: true } | { err: unknown } | null> = calls.map(() => null);
          const pending = calls.map((d, i) =>
            conn.call(100 + i, null, null, d < 0 ? null : decoders[d]![1]).then(
              () => void (outcome[i] = { ok: true }),
              (err: unknown) => void (outcome[i] = { err }),
            ),
          );
          const stream = cat(
            ...replies.map((r) => packet({ prog: r.prog, proc: r.proc, type: r.type >>> 0, serial: r.serial >>> 0, status: r.status >>> 0 }, r.body)),
            broken,
          );
          const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const c of [...at, stream.length]) {
            socket.emit('data', stream.subarray(from, c));
            from = c;
          }
          await new Promise((r) => setImmediate(r));
          // A REPLY of the remote program for a call's serial ends that call, whatever its body.
          calls.forEach((_d, i) => {
            const answered = replies.some((r) => r.prog === PROGRAM_REMOTE && (r.type >>> 0 === 1 || r.type >>> 0 === 5) && r.serial >>> 0 === i + 1);
            if (answered) expect(outcome[i], `call ${i + 1}`).not.toBeNull();
          });
          conn.close();
          await Promise.all(pending);
          for (const o of outcome) {
            expect(o).not.toBeNull();
            if (o && 'err' in o)
              expect(
                [ProtocolError, LibvirtError, ConnectionError].some((t) => o.err instanceof t),
                String(o.err),
              ).toBe(true);
          }
          expect(conn.inFlight).toBe(0);
        },
      ),
      fuzzParams(),
    );
  }, 120_000);
});
