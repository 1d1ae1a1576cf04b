import { z } from 'zod';
import { textSvg } from '../../export/svgParts.js';
import { quantise } from '../geometry.js';
import {
  FONT_FAMILIES,
  TEXT_ALIGNS,
  VERTICAL_ALIGNS,
  commonFields,
  objectIdSchema,
} from '../objectFields.js';
import { MAX_FONT_SIZE, MAX_TEXT_LENGTH, MIN_FONT_SIZE } from '../objectLayout.js';
import type { ObjectKindModule } from './kindModule.js';

/** The stored text: its characters, font, alignment and the container it sits in, if any. */
export const textSchema = z.object({
  ...commonFields,
  kind: z.literal('text'),
  text: z.string().max(MAX_TEXT_LENGTH, `the text is longer than ${MAX_TEXT_LENGTH} characters`),
  fontFamily: z.enum(FONT_FAMILIES),
  fontSize: z.number().min(MIN_FONT_SIZE).max(MAX_FONT_SIZE),
  align: z.enum(TEXT_ALIGNS),
  verticalAlign: z.enum(VERTICAL_ALIGNS).optional(),
  lineHeight: z.number().min(0.5).max(4).optional(),
  containerId: objectIdSchema.optional(),
});

/** Text, free or inside a container (`containerId`); laid out by `textLayout.ts`. */
export const textKind: ObjectKindModule<'text'> = {
  kind: 'text',
  outline: () => null,
  extraBoundsPoints: () => [],
  hitsWholeBox: true,
  // Text grows with its box, so a scaled heading stays a heading.
  transformed: (object, t) => ({
    fontSize: Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, quantise(object.fontSize * t.scale))),
  }),
  svg: (object, context) => {
    return textSvg(
      context.placeText(object),
      object.strokeColour,
      context.alpha * object.opacity,
      context.text,
    );
  },
  excalidrawType: () => 'text',
  toExcalidraw: (object, out) => out.text(object),
};
