import { textSvg } from '../../export/svgParts.js';
import { placeText } from '../textLayout.js';
import type { ObjectKindModule } from './kindModule.js';

/** Text, free or inside a container (`containerId`); laid out by `textLayout.ts`. */
export const textKind: ObjectKindModule<'text'> = {
  kind: 'text',
  outline: () => null,
  extraBoundsPoints: () => [],
  svg: (object, context) => {
    const container = object.containerId !== undefined ? context.objects.get(object.containerId) : undefined;
    return textSvg(
      placeText(object, container),
      object.strokeColour,
      context.alpha * object.opacity,
      context.text,
    );
  },
};
