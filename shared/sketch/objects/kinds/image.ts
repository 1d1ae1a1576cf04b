import { z } from 'zod';
import { frameTransform, num } from '../../export/svgParts.js';
import { commonFields, objectIdSchema } from '../objectFields.js';
import type { ObjectKindModule } from './kindModule.js';

/** The stored picture: the asset it shows and whether it is mirrored. */
export const imageSchema = z.object({
  ...commonFields,
  kind: z.literal('image'),
  assetId: objectIdSchema,
  flipX: z.boolean().optional(),
  flipY: z.boolean().optional(),
});

/** A picture (`assetId` names its data in the `assets` map), optionally mirrored. */
export const imageKind: ObjectKindModule<'image'> = {
  kind: 'image',
  outline: () => null,
  extraBoundsPoints: () => [],
  hitsWholeBox: true,
  bindsConnectors: true,
  // A mirroring map flips the picture; the box's angle already carries the rotation part.
  transformed: (object, t) => (t.mirrored ? { flipY: object.flipY === true ? undefined : true } : {}),
  svg: (object, context) => {
    const { w, h } = object;
    if (!(w > 0 && h > 0)) {
      return '';
    }
    const alpha = context.alpha * object.opacity;
    const opacity = alpha >= 1 ? '' : ` opacity="${num(alpha)}"`;
    const asset = context.assets.get(object.assetId);
    if (!asset) {
      // As in the editor: a grey box with a thin border where the picture is missing.
      return `<rect transform="${frameTransform(object)}" width="${num(w)}" height="${num(h)}" fill="#e5e7eb" stroke="#9ca3af" stroke-width="1"${opacity}/>`;
    }
    const flip =
      object.flipX === true || object.flipY === true
        ? ` translate(${num(object.flipX === true ? w : 0)} ${num(object.flipY === true ? h : 0)}) scale(${object.flipX === true ? -1 : 1} ${object.flipY === true ? -1 : 1})`
        : '';
    return (
      `<image transform="${frameTransform(object)}${flip}" width="${num(w)}" height="${num(h)}" preserveAspectRatio="none"${opacity}` +
      ` href="data:${asset.mimeType};base64,${asset.dataBase64}" xlink:href="data:${asset.mimeType};base64,${asset.dataBase64}"/>`
    );
  },
  excalidrawType: () => 'image',
  toExcalidraw: (object, out) => out.image(object),
};
