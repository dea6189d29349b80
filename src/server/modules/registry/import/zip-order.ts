/**
 * Reorders the entries of an .xlsx (a ZIP) so the shared strings and the workbook come before the
 * worksheets. Excel, WPS and exceljs all write the worksheets first; exceljs's streaming reader then
 * copies each worksheet to a temporary file until the shared strings arrive, and a reader that
 * stops early (the header check) never deletes that file. With the parts it needs first, it reads
 * the worksheet straight from memory. Each entry's bytes are copied unchanged, local header,
 * data and data descriptor alike; only their order changes.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
];

function rank(name: string): number {
  const first = FIRST.indexOf(name);
  if (first >= 0) return first;
  const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
  if (sheet) return 100 + Number(sheet[1]);
  return 1_000_000;
}

interface Entry {
  name: string;
  offset: number;
}

function centralDirectory(buf: Buffer): { entries: Entry[]; start: number } | null {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    const count = buf.readUInt16LE(i + 10);
    const start = buf.readUInt32LE(i + 16);
    const entries: Entry[] = [];
    let p = start;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
      const nameLength = buf.readUInt16LE(p + 28);
      const extra = buf.readUInt16LE(p + 30);
      const comment = buf.readUInt16LE(p + 32);
      const offset = buf.readUInt32LE(p + 42);
      entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), offset });
      p += 46 + nameLength + extra + comment;
    }
    return { entries, start };
  }
  return null;
}

/** The same ZIP with the reader's parts first; the input unchanged when it cannot be parsed. */
export function readerFirst(buf: Buffer): Buffer {
  try {
    const dir = centralDirectory(buf);
    if (!dir || dir.entries.length === 0) return buf;
    const byOffset = [...dir.entries].sort((a, b) => a.offset - b.offset);
    const spans = byOffset.map((e, i) => ({
      name: e.name,
      start: e.offset,
      end: i + 1 < byOffset.length ? byOffset[i + 1].offset : dir.start,
    }));
    if (spans.some((s) => s.end <= s.start || s.end > buf.length || buf.readUInt32LE(s.start) !== LOCAL))
      return buf;
    const ordered = [...spans].sort((a, b) => rank(a.name) - rank(b.name) || a.start - b.start);
    // The central directory follows as it was: the streaming reader does not use its offsets.
    return Buffer.concat([...ordered.map((s) => buf.subarray(s.start, s.end)), buf.subarray(dir.start)]);
  } catch {
    return buf;
  }
}
