import type { TextEncodingName } from './types.js';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; message: string };

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; rejects binary and invalid UTF-8. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be', bom: true };
  }
  return decodeUtf8(bytes, false);
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): Decoded {
  // A NUL byte never occurs in text files; it marks binary data (or UTF-16 without a BOM).
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `binary file (NUL byte at offset ${nul + (bom ? 3 : 0)}); mtaudit reads UTF-8 text` };
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
