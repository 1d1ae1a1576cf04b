import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BRUSHES } from '../../../shared/sketch/brushes.js';
import {
  CONTAINER_SHAPES,
  FONT_FAMILIES,
  OBJECT_STYLES,
  type ContainerShape,
} from '../../../shared/sketch/objects/objectFields.js';
import { MAX_FONT_SIZE, MIN_FONT_SIZE } from '../../../shared/sketch/objects/objectLayout.js';
import { BRUSH_KINDS, LAYER_IDS, type LayerId } from '../../../shared/sketch/sketchLayout.js';
import { SHAPE_TOOLS, type EraserMode, type SketchTool } from './engine/editorTypes.js';
import type { SketchToolPrefs } from '../platform/preferences.js';

/** Everything the style panel sets: the remembered tool settings plus this session's extras. */
export interface EditorStyle extends SketchToolPrefs {
  palm: boolean;
  layer: LayerId;
  eraserMode: EraserMode;
  /** Eraser radius in screen pixels. */
  eraserSize: number;
  fillOn: boolean;
  fillColour: string;
  fontSize: number;
  containerShape: ContainerShape;
}

const STROKE_SIZE_RANGE = { min: 1, max: 64 } as const;
const ERASER_SIZE_RANGE = { min: 4, max: 120 } as const;
/** Font sizes to choose from (scene units); big enough to read on an A0 sheet from afar. */
const FONT_SIZES = [12, 16, 20, 24, 32, 40, 48, 64, 80, 96, 128, 160, 200] as const;

/** The preset sizes, plus `current` in its place if it is none of them. */
function fontSizes(current: number): number[] {
  const sizes: number[] = [...FONT_SIZES];
  if (!sizes.includes(current) && current >= MIN_FONT_SIZE && current <= MAX_FONT_SIZE) {
    sizes.push(current);
    sizes.sort((a, b) => a - b);
  }
  return sizes;
}

const isShapeTool = (tool: SketchTool): boolean => (SHAPE_TOOLS as readonly SketchTool[]).includes(tool);

export interface StylePanelProps {
  tool: SketchTool;
  style: EditorStyle;
  /** How much bigger pens and type draw on this sheet than the A3 sizes chosen here (shown as drawn). */
  sheetScale: number;
  onChange: (patch: Partial<EditorStyle>) => void;
}

/**
 * Settings of the current tool: the pen (brush, width, smoothing, pressure), the eraser (mode and
 * size), new shapes (hand-drawn or clean, fill) and text (font, size), plus the layer new ink goes
 * on and palm rejection. Only the sections for the current tool are shown.
 */
export function StylePanel({ tool, style, sheetScale, onChange }: StylePanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const showPen = tool === 'draw';
  const showWidth = tool === 'draw' || isShapeTool(tool);
  const smoothingPercent = Math.round(style.smoothing * 100);

  return (
    <section className="sketch-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sketch-panel__heading">
        {t('sketch.style.label')}
      </h2>

      {showWidth && (
        <fieldset className="sketch-fieldset">
          <legend>{showPen ? t('sketch.style.pen') : t('sketch.style.shapes')}</legend>
          {showPen && (
            <div className="sketch-field">
              <label htmlFor={`${id}-brush`}>{t('sketch.brush')}</label>
              <select
                id={`${id}-brush`}
                className="sketch-select"
                value={style.brush}
                onChange={(e) => {
                  const brush = BRUSH_KINDS.find((kind) => kind === e.target.value) ?? 'fineliner';
                  // Each brush starts at its own typical width (a highlighter is much wider than a fineliner).
                  onChange({ brush, size: BRUSHES[brush].defaultSize });
                }}
              >
                {BRUSH_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`sketch.brushes.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="sketch-field">
            <label htmlFor={`${id}-size`}>{t('sketch.style.size')}</label>
            <div className="sketch-range">
              <input
                id={`${id}-size`}
                type="range"
                min={STROKE_SIZE_RANGE.min}
                max={STROKE_SIZE_RANGE.max}
                step={1}
                value={Math.round(style.size)}
                aria-valuetext={t('sketch.style.sizeValue', { value: Math.round(style.size * sheetScale) })}
                onChange={(e) => onChange({ size: Number(e.target.value) })}
              />
              <output htmlFor={`${id}-size`}>
                {t('sketch.style.sizeValue', { value: Math.round(style.size * sheetScale) })}
              </output>
            </div>
          </div>
          {showPen && (
            <>
              <div className="sketch-field">
                <label htmlFor={`${id}-smoothing`}>{t('sketch.style.smoothing')}</label>
                <div className="sketch-range">
                  <input
                    id={`${id}-smoothing`}
                    type="range"
                    min={0}
                    max={1}
                    step={0.05}
                    value={style.smoothing}
                    aria-valuetext={t('sketch.style.smoothingValue', { value: smoothingPercent })}
                    onChange={(e) => onChange({ smoothing: Number(e.target.value) })}
                  />
                  <output htmlFor={`${id}-smoothing`}>
                    {t('sketch.style.smoothingValue', { value: smoothingPercent })}
                  </output>
                </div>
              </div>
              <label className="sketch-check">
                <input
                  type="checkbox"
                  checked={style.pressureOn}
                  onChange={(e) => onChange({ pressureOn: e.target.checked })}
                />
                {t('sketch.style.pressure')}
              </label>
            </>
          )}
          {isShapeTool(tool) && (
            <>
              <fieldset className="sketch-choices">
                <legend>{t('sketch.style.shapeStyle')}</legend>
                {OBJECT_STYLES.map((each) => (
                  <label key={each} className="sketch-check">
                    <input
                      type="radio"
                      name={`${id}-shape-style`}
                      value={each}
                      checked={style.shapeStyle === each}
                      onChange={() => onChange({ shapeStyle: each })}
                    />
                    {t(`sketch.style.styles.${each}`)}
                  </label>
                ))}
              </fieldset>
              {tool === 'container' && (
                <fieldset className="sketch-choices">
                  <legend>{t('sketch.style.containerShape')}</legend>
                  {CONTAINER_SHAPES.map((each) => (
                    <label key={each} className="sketch-check">
                      <input
                        type="radio"
                        name={`${id}-container-shape`}
                        value={each}
                        checked={style.containerShape === each}
                        onChange={() => onChange({ containerShape: each })}
                      />
                      {t(`sketch.style.containerShapes.${each}`)}
                    </label>
                  ))}
                </fieldset>
              )}
              <div className="sketch-fill">
                <label className="sketch-check">
                  <input
                    type="checkbox"
                    checked={style.fillOn}
                    onChange={(e) => onChange({ fillOn: e.target.checked })}
                  />
                  {t('sketch.style.fill')}
                </label>
                <label className="sketch-colour-input">
                  <span className="visually-hidden">{t('sketch.style.fillColour')}</span>
                  <input
                    type="color"
                    value={style.fillColour}
                    disabled={!style.fillOn}
                    title={t('sketch.style.fillColour')}
                    onChange={(e) => onChange({ fillColour: e.target.value })}
                  />
                </label>
              </div>
            </>
          )}
        </fieldset>
      )}

      {tool === 'erase' && (
        <fieldset className="sketch-fieldset">
          <legend>{t('sketch.style.eraser')}</legend>
          <fieldset className="sketch-choices">
            <legend>{t('sketch.style.eraserMode')}</legend>
            {(['stroke', 'partial'] as const).map((mode) => (
              <label key={mode} className="sketch-check">
                <input
                  type="radio"
                  name={`${id}-eraser-mode`}
                  value={mode}
                  checked={style.eraserMode === mode}
                  onChange={() => onChange({ eraserMode: mode })}
                />
                {mode === 'stroke' ? t('sketch.style.eraserStroke') : t('sketch.style.eraserPartial')}
              </label>
            ))}
          </fieldset>
          <div className="sketch-field">
            <label htmlFor={`${id}-eraser-size`}>{t('sketch.style.eraserSize')}</label>
            <div className="sketch-range">
              <input
                id={`${id}-eraser-size`}
                type="range"
                min={ERASER_SIZE_RANGE.min}
                max={ERASER_SIZE_RANGE.max}
                step={1}
                value={style.eraserSize}
                aria-valuetext={t('sketch.style.sizeValue', { value: style.eraserSize })}
                onChange={(e) => onChange({ eraserSize: Number(e.target.value) })}
              />
              <output htmlFor={`${id}-eraser-size`}>
                {t('sketch.style.sizeValue', { value: style.eraserSize })}
              </output>
            </div>
          </div>
        </fieldset>
      )}

      {tool === 'text' && (
        <fieldset className="sketch-fieldset">
          <legend>{t('sketch.style.text')}</legend>
          <div className="sketch-field">
            <label htmlFor={`${id}-font`}>{t('sketch.style.fontFamily')}</label>
            <select
              id={`${id}-font`}
              className="sketch-select"
              value={style.fontFamily}
              onChange={(e) =>
                onChange({ fontFamily: FONT_FAMILIES.find((f) => f === e.target.value) ?? 'hand' })
              }
            >
              {FONT_FAMILIES.map((family) => (
                <option key={family} value={family}>
                  {t(`sketch.style.fonts.${family}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="sketch-field">
            <label htmlFor={`${id}-font-size`}>{t('sketch.style.fontSize')}</label>
            <select
              id={`${id}-font-size`}
              className="sketch-select"
              value={style.fontSize}
              onChange={(e) => onChange({ fontSize: Number(e.target.value) })}
            >
              {fontSizes(style.fontSize).map((size) => (
                <option key={size} value={size}>
                  {t('sketch.style.sizeValue', { value: Math.round(size * sheetScale) })}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}

      <div className="sketch-field">
        <label htmlFor={`${id}-layer`}>{t('sketch.style.layer')}</label>
        <select
          id={`${id}-layer`}
          className="sketch-select"
          value={style.layer}
          onChange={(e) => onChange({ layer: LAYER_IDS.find((l) => l === e.target.value) ?? 'drawing' })}
        >
          {LAYER_IDS.map((layer) => (
            <option key={layer} value={layer}>
              {t(`sketch.layers.names.${layer}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="sketch-check">
        <input type="checkbox" checked={style.palm} onChange={(e) => onChange({ palm: e.target.checked })} />
        {t('sketch.style.palm')}
      </label>
    </section>
  );
}
