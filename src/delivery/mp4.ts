/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

/**
 * Whether a file is a whole MP4: an `ftyp` box first, and top-level boxes that cover the file
 * exactly. A vendor that sends HTML, or fewer or more bytes than the video has, fails here
 * whatever its content-type said. Reads only the boxes' headers.
 */
export async function isWholeMp4(size: number, read: ReadAt): Promise<boolean> {
  let offset = 0;
  while (offset < size) {
    const header = await read(offset, 16);
    if (header.length < 8) return false;
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (offset === 0 && String.fromCharCode(...header.subarray(4, 8)) !== 'ftyp') return false;
    let boxSize = view.getUint32(0);
    if (boxSize === 1) {
      if (header.length < 16) return false;
      boxSize = Number(view.getBigUint64(8));
    } else if (boxSize === 0) {
      boxSize = size - offset;
    }
    if (boxSize < 8 || offset + boxSize > size) return false;
    offset += boxSize;
  }
  return size > 0;
}

/** The same check on bytes in memory. */
export function isWholeMp4Bytes(bytes: Uint8Array): Promise<boolean> {
  return isWholeMp4(bytes.length, async (offset, length) => bytes.subarray(offset, offset + length));
}
