import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createDeflate, crc32 } from 'node:zlib';

/**
 * A PNG written row band by row band (8-bit RGB, the "Up" filter, one zlib stream split into
 * IDAT chunks as it comes), so an image of 25,000 x 6,250 pixels never exists in memory as a
 * whole. The PNG container is a few lines of chunk framing; compression is Node's zlib.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const HIGH_BITS = 0x80808080;
const LOW_BITS = 0x7f7f7f7f;

/**
 * PNG's "Up" filter on whole words: each byte minus the byte above it, modulo 256, four bytes at
 * a time without borrows between them (Hacker's Delight, 2-18); a 300-dpi A0 has 420 million
 * bytes, so this is most of the writer's time.
 */
function upFilter(row: Uint32Array, above: Uint32Array, out: Uint32Array): void {
  for (let i = 0; i < row.length; i++) {
    const x = row[i] ?? 0;
    const y = above[i] ?? 0;
    out[i] = ((x | HIGH_BITS) - (y & LOW_BITS)) ^ ((x ^ ~y) & HIGH_BITS);
  }
}

/** Writes a PNG to `out`: call {@link PngRowWriter.writeRows} top to bottom, then `finish`. */
export class PngRowWriter {
  private readonly deflate = createDeflate({ level: 6, memLevel: 9 });
  /** The row above and this row, padded to whole 32-bit words, and their difference. */
  private previous: Uint8Array;
  private current: Uint8Array;
  private previousWords: Uint32Array;
  private currentWords: Uint32Array;
  private readonly diff: Uint8Array;
  private readonly diffWords: Uint32Array;
  private rows = 0;
  private failure: Error | null = null;
  private readonly flushed: Promise<void>;

  constructor(
    private readonly out: Writable,
    readonly width: number,
    readonly height: number,
    dpi: number,
  ) {
    const words = Math.ceil((width * 3) / 4);
    this.previousWords = new Uint32Array(words);
    this.currentWords = new Uint32Array(words);
    this.diffWords = new Uint32Array(words);
    this.previous = new Uint8Array(this.previousWords.buffer);
    this.current = new Uint8Array(this.currentWords.buffer);
    this.diff = new Uint8Array(this.diffWords.buffer);
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header[8] = 8; // bit depth
    header[9] = 2; // RGB
    const perMetre = Math.round(dpi / 0.0254);
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(perMetre, 0);
    phys.writeUInt32BE(perMetre, 4);
    phys[8] = 1; // unit: metre
    out.write(Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('pHYs', phys)]));
    this.deflate.on('data', (data: Buffer) => {
      if (!this.out.write(chunk('IDAT', data))) {
        this.deflate.pause();
        this.out.once('drain', () => this.deflate.resume());
      }
    });
    this.deflate.on('error', (error: Error) => {
      this.failure = error;
    });
    this.flushed = once(this.deflate, 'end').then(() => undefined);
  }

  /**
   * Adds `count` rows of RGB pixels (`rgb` holds width·3 bytes per row). Resolves when zlib can
   * take more, so a fast renderer cannot outrun the disk.
   */
  async writeRows(rgb: Uint8Array, count: number): Promise<void> {
    if (this.failure) {
      throw this.failure;
    }
    const stride = this.width * 3;
    const filtered = Buffer.alloc(count * (stride + 1));
    for (let r = 0; r < count; r++) {
      this.current.set(rgb.subarray(r * stride, (r + 1) * stride));
      upFilter(this.currentWords, this.previousWords, this.diffWords);
      const at = r * (stride + 1);
      filtered[at] = 2; // Up: each byte minus the one above it
      filtered.set(this.diff.subarray(0, stride), at + 1);
      [this.previous, this.current] = [this.current, this.previous];
      [this.previousWords, this.currentWords] = [this.currentWords, this.previousWords];
    }
    this.rows += count;
    if (!this.deflate.write(filtered)) {
      await once(this.deflate, 'drain');
    }
  }

  /** Ends the image (every row must have been written) and waits until it is handed to `out`. */
  async finish(): Promise<void> {
    if (this.rows !== this.height) {
      throw new Error(`The PNG has ${this.rows} of ${this.height} rows.`);
    }
    this.deflate.end();
    await this.flushed;
    if (this.failure) {
      throw this.failure;
    }
    this.out.write(chunk('IEND', Buffer.alloc(0)));
  }

  /** Stops writing (cancelled or failed); the output is incomplete. */
  abort(): void {
    this.deflate.destroy();
  }
}
