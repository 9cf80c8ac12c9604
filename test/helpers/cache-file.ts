// Reads a cache file's last header as cache/format.ts lays it out (written here again on purpose: a
// change of the format shows in these tests): `MAGIC | sections | header JSON | u32 length | u32 CRC | MAGIC`.

/** The sections of the file's last header by name: [offset, length] of each. */
export function cacheSections(data: Uint8Array): Map<string, [number, number]> {
  const buf = Buffer.from(data);
  const headLength = buf.readUInt32LE(buf.length - 16);
  const headAt = buf.length - 16 - headLength;
  const header = JSON.parse(buf.toString('utf8', headAt, headAt + headLength)) as { sections: Array<{ name: string; at: number; length: number }> };
  return new Map(header.sections.map((s) => [s.name, [s.at, s.length]]));
}
