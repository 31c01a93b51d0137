import { XdrReader, type XdrWriter } from '../xdr';
import { ProtocolError } from '../errors';

// virnetprotocol.x: a 4-byte length (counting itself), a 24-byte header, then the body.
export const LEN_SIZE = 4;
export const HEADER_SIZE = 24;
/** VIR_NET_MESSAGE_MAX: the largest message libvirt itself will send or accept, length word excluded. */
export const MESSAGE_MAX = 33554432;
/** VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX: how much stream data goes in one packet. */
export const STREAM_CHUNK_MAX = 262120;

export const MessageType = {
  CALL: 0,
  REPLY: 1,
  MESSAGE: 2,
  STREAM: 3,
  CALL_WITH_FDS: 4,
  REPLY_WITH_FDS: 5,
  STREAM_HOLE: 6,
} as const;

export const Status = { OK: 0, ERROR: 1, CONTINUE: 2 } as const;

export const Program = {
  REMOTE: 0x20008086,
  KEEPALIVE: 0x6b656570,
} as const;
export const PROGRAM_VERSION = 1;
export const KeepaliveProc = { PING: 1, PONG: 2 } as const;

export interface Header {
  program: number;
  version: number;
  procedure: number;
  type: number;
  serial: number;
  status: number;
}

/** Writes a whole packet (length, header, body) and returns a buffer that owns its bytes. */
export function encodePacket<T>(w: XdrWriter, h: Header, body?: { enc: (w: XdrWriter, v: T) => void; value: T }): Buffer {
  w.reset();
  w.uint(0); // length, patched below
  w.uint(h.program);
  w.uint(h.version);
  w.int(h.procedure);
  w.int(h.type);
  w.uint(h.serial);
  w.int(h.status);
  if (body) body.enc(w, body.value);
  if (w.length > MESSAGE_MAX + LEN_SIZE) throw new ProtocolError(`message of ${w.length} bytes exceeds libvirt's limit`);
  w.patchUint(0, w.length);
  return w.toBuffer();
}

/** A packet with raw payload bytes (stream data), without copying the payload through a writer. */
export function encodeRawPacket(h: Header, payload: Uint8Array): Buffer {
  const buf = Buffer.allocUnsafe(LEN_SIZE + HEADER_SIZE + payload.length);
  buf.writeUInt32BE(buf.length, 0);
  buf.writeUInt32BE(h.program, 4);
  buf.writeUInt32BE(h.version, 8);
  buf.writeInt32BE(h.procedure, 12);
  buf.writeInt32BE(h.type, 16);
  buf.writeUInt32BE(h.serial, 20);
  buf.writeInt32BE(h.status, 24);
  buf.set(payload, LEN_SIZE + HEADER_SIZE);
  return buf;
}

/** Decodes the header of a complete packet (length word included). */
export function decodeHeader(packet: Buffer): Header {
  const r = new XdrReader(packet, LEN_SIZE);
  return {
    program: r.uint(),
    version: r.uint(),
    procedure: r.int(),
    type: r.int(),
    serial: r.uint(),
    status: r.int(),
  };
}
