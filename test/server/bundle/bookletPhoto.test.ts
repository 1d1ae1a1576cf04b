import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { BOOKLET_PHOTO_SIDE, bookletPhoto, fitWithin } from '../../../server/bundle/bookletPhoto.js';
import { imageSize } from '../../../server/bundle/attachments.js';
import { decodeJpeg, jpegOf, photoPixels, pixelAt, redLeftPixels, withOrientation } from './photoFixtures.js';

/** Whether a pixel is clearly red (JPEG moves colours a little). */
const red = ([r, g, b]: [number, number, number]): boolean => r > 200 && g < 60 && b < 60;
const white = ([r, g, b]: [number, number, number]): boolean => r > 220 && g > 220 && b > 220;

describe('booklet photos', () => {
  it('fits the long side and never enlarges', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });

  it('scales a camera-sized JPEG (4000 x 3000) down to a small JPEG', { timeout: 120_000 }, async () => {
    const original = await jpegOf(photoPixels(4000, 3000));
    expect(original.byteLength).toBeGreaterThan(1_000_000);
    expect(imageSize(original, 'jpeg')).toEqual({ width: 4000, height: 3000 });
    const photo = await bookletPhoto(original, 'jpeg');
    expect(photo).toMatchObject({ width: BOOKLET_PHOTO_SIDE, height: 1200 });
    expect(photo.jpeg.byteLength).toBeLessThan(original.byteLength / 2);
    const decoded = await decodeJpeg(photo.jpeg);
    expect([decoded.width, decoded.height]).toEqual([1600, 1200]);
    expect(imageSize(photo.jpeg, 'jpeg')).toEqual({ width: 1600, height: 1200 });
  });

  it('turns a photo upright as its EXIF orientation says', { timeout: 60_000 }, async () => {
    // Stored 400 x 200 with the left quarter red; orientation 6 means "rotate 90° clockwise to view".
    const stored = await jpegOf(redLeftPixels(400, 200, 100), 95);
    const upright = await decodeJpeg((await bookletPhoto(withOrientation(stored, 6), 'jpeg')).jpeg);
    expect([upright.width, upright.height]).toEqual([200, 400]);
    // The stored left edge is now the top: red across the top, white at the bottom.
    expect(red(pixelAt(upright, 100, 20))).toBe(true);
    expect(white(pixelAt(upright, 100, 380))).toBe(true);
    // Orientation 3 (180°): the red quarter moves to the right.
    const turned = await decodeJpeg((await bookletPhoto(withOrientation(stored, 3), 'jpeg')).jpeg);
    expect([turned.width, turned.height]).toEqual([400, 200]);
    expect(red(pixelAt(turned, 380, 100))).toBe(true);
    expect(white(pixelAt(turned, 20, 100))).toBe(true);
    // Without the tag nothing turns.
    const plain = await decodeJpeg((await bookletPhoto(stored, 'jpeg')).jpeg);
    expect(red(pixelAt(plain, 20, 100))).toBe(true);
  });

  it('puts a transparent PNG on white paper', { timeout: 60_000 }, async () => {
    // 2000 x 10, transparent black on the left half, opaque red on the right.
    const image = new PNG({ width: 2000, height: 10 });
    for (let i = 0; i < 2000 * 10; i++) {
      const opaque = i % 2000 >= 1000;
      image.data.set(opaque ? [255, 0, 0, 255] : [0, 0, 0, 0], i * 4);
    }
    const photo = await bookletPhoto(new Uint8Array(PNG.sync.write(image)), 'png');
    expect([photo.width, photo.height]).toEqual([1600, 8]);
    const pixels = await decodeJpeg(photo.jpeg);
    expect(white(pixelAt(pixels, 100, 4))).toBe(true);
    expect(red(pixelAt(pixels, 1500, 4))).toBe(true);
  });

  it('refuses bytes that are not a decodable photo', async () => {
    await expect(bookletPhoto(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), 'jpeg')).rejects.toThrow();
  });
});
