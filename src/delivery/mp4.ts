/**
 * Whether the bytes are a whole MP4: an `ftyp` box first, and top-level boxes that cover the
 * file exactly. A vendor that sends HTML, or fewer or more bytes than the video has, fails here
 * whatever its content-type said.
 */
export function isWholeMp4(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || boxType(bytes, 0) !== 'ftyp') return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < 8) return false;
    let size = view.getUint32(offset);
    if (size === 1) {
      if (bytes.length - offset < 16) return false;
      size = Number(view.getBigUint64(offset + 8));
    } else if (size === 0) {
      size = bytes.length - offset;
    }
    if (size < 8 || offset + size > bytes.length) return false;
    offset += size;
  }
  return true;
}

function boxType(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
}
