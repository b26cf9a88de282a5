// Length- and checksum-framed records for an append-only file: `#fs1 <bytes> <crc32>\n<payload>\n`. Any prefix of
// a frame (what a kill between two writes of one append leaves) reads as a torn tail, never as a record, and the
// next append starts after the last whole frame, so a crash loses at most the record being written and never
// merges two. A frame that is whole but wrong (a checksum or a header that a crash cannot produce) is damage.
import { crc32 } from 'node:zlib';

const MAGIC = '#fs1';
const NEWLINE = 0x0a;
const HEADER = /^#fs1 (\d{1,12}) ([0-9a-f]{8})$/;
/** A header line is short; a longer run of bytes without a newline is not a header. */
const MAX_HEADER = 40;

export function frame(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const header = `${MAGIC} ${body.length} ${crc32(body).toString(16).padStart(8, '0')}\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), body, Buffer.from('\n')]);
}

export interface FrameScan {
  payloads: string[];
  /** Bytes up to the end of the last whole frame: where the next append must start. */
  validLength: number;
  /** Bytes after validLength: a torn frame, to be cut before appending. */
  tornBytes: number;
  /** Set when a frame is damaged in a way a crash cannot explain (frames after it are not read). */
  damage: { offset: number; reason: string } | null;
}

export function scanFrames(buf: Buffer): FrameScan {
  const payloads: string[] = [];
  let pos = 0;
  const stop = (damage: FrameScan['damage']): FrameScan => ({
    payloads,
    validLength: pos,
    tornBytes: damage ? 0 : buf.length - pos,
    damage,
  });
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    if (nl < 0) return isHeaderPrefix(buf.toString('latin1', pos)) ? stop(null) : stop(damaged(pos, 'bad header'));
    const m = HEADER.exec(buf.toString('latin1', pos, nl));
    if (!m) return stop(damaged(pos, 'bad header'));
    const start = nl + 1;
    const end = start + Number(m[1]);
    if (end + 1 > buf.length) return stop(null);
    const body = buf.subarray(start, end);
    if (buf[end] !== NEWLINE || crc32(body).toString(16).padStart(8, '0') !== m[2])
      return stop(damaged(pos, 'checksum mismatch'));
    payloads.push(body.toString('utf8'));
    pos = end + 1;
  }
  return stop(null);
}

/** Whether text could be the start of a header a kill cut short. */
function isHeaderPrefix(text: string): boolean {
  if (text.length > MAX_HEADER) return false;
  const whole = `${MAGIC} `;
  if (text.length <= whole.length) return whole.startsWith(text);
  return text.startsWith(whole) && /^\d{0,12}( [0-9a-f]{0,8})?$/.test(text.slice(whole.length));
}

function damaged(offset: number, reason: string): FrameScan['damage'] {
  return { offset, reason };
}
