import { PNG } from 'pngjs';

/** Comparing rendered pictures pixel by pixel (exports against each other and the editor). */

/** Share of pixels whose colour differs by more than `tolerance` in some channel; the sizes must match. */
export function differingShare(a: PNG, b: PNG, tolerance: number): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`The pictures differ in size: ${a.width}x${a.height} and ${b.width}x${b.height}.`);
  }
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > tolerance) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}

/** Share of pixels that are not the paper colour (how much ink there is). */
export function inkShare(png: PNG, paper: [number, number, number]): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (
      Math.abs((png.data[i] ?? 0) - paper[0]) +
        Math.abs((png.data[i + 1] ?? 0) - paper[1]) +
        Math.abs((png.data[i + 2] ?? 0) - paper[2]) >
      30
    ) {
      ink++;
    }
  }
  return ink / (png.width * png.height);
}

/** The top-left `width` x `height` of a picture (renderers round an odd page size differently). */
export function cropped(image: PNG, width: number, height: number): PNG {
  const out = new PNG({ width, height });
  PNG.bitblt(image, out, 0, 0, width, height, 0, 0);
  return out;
}

/** The picture moved right by `dx` pixels (the left edge repeated): a deliberately misaligned copy. */
export function shifted(image: PNG, dx: number): PNG {
  const out = new PNG({ width: image.width, height: image.height });
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const from = (y * image.width + Math.max(0, x - dx)) * 4;
      const to = (y * image.width + x) * 4;
      for (let c = 0; c < 4; c++) {
        out.data[to + c] = image.data[from + c] ?? 0;
      }
    }
  }
  return out;
}
