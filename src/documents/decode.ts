import type { TextEncodingName } from './types.js';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; message: string };

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16Strict = { utf16le: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }), utf16be: new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }) };

/** Decodes file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; rejects binary and invalid UTF-8. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf16be');
  return decodeUtf8(bytes, false);
}

/** UTF-16 after its BOM, strictly: an unpaired surrogate would be lost (replaced) if the file were written back. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): Decoded {
  const body = bytes.subarray(2);
  try {
    return { ok: true, text: utf16Strict[encoding].decode(body), encoding, bom: true };
  } catch {
    if (body.length % 2 === 1) return { ok: false, message: `not valid UTF-16 (odd number of bytes: the file is cut short); convert the file to UTF-8` };
    const at = 2 + 2 * firstUnpairedSurrogate(body, encoding === 'utf16le');
    return { ok: false, message: `not valid UTF-16 (unpaired surrogate at byte offset ${at}); convert the file to UTF-8` };
  }
}

/** Index (in code units) of the first surrogate without its partner. */
function firstUnpairedSurrogate(body: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? body[2 * i]! | (body[2 * i + 1]! << 8) : (body[2 * i]! << 8) | body[2 * i + 1]!);
  const units = body.length >> 1;
  for (let i = 0; i < units; i++) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 1 < units ? unit(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return units;
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): Decoded {
  // A NUL byte never occurs in text files; it marks binary data (or UTF-16 without a BOM).
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (!bom && looksLikeUtf16(bytes)) return { ok: false, message: 'looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)' };
    return { ok: false, message: `binary file (NUL byte at offset ${nul + (bom ? 3 : 0)}); mtaudit reads UTF-8 text` };
  }
  try {
    return { ok: true, text: utf8Strict.decode(bytes), encoding: 'utf8', bom };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    return {
      ok: false,
      message: `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at + (bom ? 3 : 0)}, line ${line}); convert the file to UTF-8`,
    };
  }
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i; // truncated sequence
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Mostly-Latin text in UTF-16 has a NUL in every other byte: at least 40% of the bytes, all at odd or all at even offsets. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  const half = sample.length / 2;
  return (even === 0 && odd >= 0.8 * half) || (odd === 0 && even >= 0.8 * half);
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Encodes text back to bytes in the document's original encoding and BOM. */
export function encodeText(text: string, encoding: TextEncodingName, bom: boolean): Buffer {
  if (encoding === 'utf8') {
    const body = Buffer.from(text, 'utf8');
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') le.swap16();
  const mark = encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), le]) : le;
}
