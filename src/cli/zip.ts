// A minimal zip writer (PKWARE APPNOTE): local headers, central directory and end record.
// Enough for small packages such as the Teams app package; no zip64, no encryption.
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the zip, with forward slashes. */
  name: string;
  data: Buffer;
}

const STORED = 0;
const DEFLATED = 8;
const VERSION_NEEDED = 20;
const UTF8_NAMES = 0x0800;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip and PNG use it (own table: zlib.crc32 is missing from early Node 20 releases). */
export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The zip file holding `entries`, each deflated unless deflating does not make it smaller. */
export function zip(entries: ZipEntry[], modified = new Date()): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data);
    const method = deflated.length < entry.data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : entry.data;
    const fields = { method, time, date, crc: crc32(entry.data), compressed: body.length, size: entry.data.length, nameLength: name.length };
    const local = Buffer.concat([localHeader(fields), name, body]);
    centrals.push(Buffer.concat([centralHeader(fields, offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endRecord(entries.length, directory.length, offset)]);
}

interface EntryFields {
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

function localHeader(f: EntryFields): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(f.method, 8);
  header.writeUInt16LE(f.time, 10);
  header.writeUInt16LE(f.date, 12);
  header.writeUInt32LE(f.crc, 14);
  header.writeUInt32LE(f.compressed, 18);
  header.writeUInt32LE(f.size, 22);
  header.writeUInt16LE(f.nameLength, 26);
  header.writeUInt16LE(0, 28); // extra field length
  return header;
}

function centralHeader(f: EntryFields, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4); // version made by (MS-DOS attributes)
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(f.method, 10);
  header.writeUInt16LE(f.time, 12);
  header.writeUInt16LE(f.date, 14);
  header.writeUInt32LE(f.crc, 16);
  header.writeUInt32LE(f.compressed, 20);
  header.writeUInt32LE(f.size, 24);
  header.writeUInt16LE(f.nameLength, 28);
  // Extra field, comment, disk number, internal and external attributes: all zero (30–41).
  header.writeUInt32LE(localOffset, 42);
  return header;
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8); // entries on this disk (disk numbers at 4 and 6 stay zero)
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}

/** MS-DOS local date and time, 2-second resolution, as zip stores them. */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getFullYear(), 1980), 2107);
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}
