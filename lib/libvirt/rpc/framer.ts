import { ProtocolError } from '../errors';
import { HEADER_SIZE, LEN_SIZE, MESSAGE_MAX } from './packet';

/**
 * Cuts a byte stream into whole packets. The length word is checked before any body byte is buffered, so a peer
 * announcing an oversized message is refused without allocating for it.
 */
export class PacketFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private expected = -1;

  /** Feeds received bytes; returns every packet completed by them (length word included). */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < LEN_SIZE) break;
        this.expected = this.peekLength();
      }
      if (this.buffered < this.expected) break;
      out.push(this.take(this.expected));
      this.expected = -1;
    }
    return out;
  }

  /** Bytes held for an incomplete packet. */
  get pending(): number {
    return this.buffered;
  }

  private peekLength(): number {
    const head = this.chunks[0]!.length >= LEN_SIZE ? this.chunks[0]! : Buffer.concat(this.chunks);
    const len = head.readUInt32BE(0);
    if (len < LEN_SIZE + HEADER_SIZE) throw new ProtocolError(`packet length ${len} is shorter than a header`);
    if (len > MESSAGE_MAX + LEN_SIZE) {
      throw new ProtocolError(`packet length ${len} exceeds libvirt's limit of ${MESSAGE_MAX + LEN_SIZE} bytes`);
    }
    return len;
  }

  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    let packet: Buffer;
    if (first.length >= n) {
      packet = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      const all = Buffer.concat(this.chunks);
      packet = all.subarray(0, n);
      this.chunks = all.length > n ? [all.subarray(n)] : [];
    }
    this.buffered -= n;
    return packet;
  }
}
