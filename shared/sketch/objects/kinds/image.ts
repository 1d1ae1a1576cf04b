import { frameTransform, num } from '../../export/svgParts.js';
import type { ObjectKindModule } from './kindModule.js';

/** A picture (`assetId` names its data in the `assets` map), optionally mirrored. */
export const imageKind: ObjectKindModule<'image'> = {
  kind: 'image',
  outline: () => null,
  extraBoundsPoints: () => [],
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
};
