import { useEffect, useRef, type CSSProperties } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { SketchEngine, type BrushSettings } from './engine/SketchEngine.js';
import './sketchCanvas.css';

export interface SketchCanvasProps {
  /** The `sketch/<id>` document. */
  doc: Y.Doc;
  /** The provider's awareness, so others see strokes while they are drawn. */
  awareness?: Awareness | null;
  /** User id written as the author of new strokes. */
  author: string;
  /** Transaction origin of local writes (for a per-user Y.UndoManager). */
  origin?: object;
  brush?: Partial<BrushSettings>;
  /** Touch pans instead of drawing once a pen was seen (default on). */
  palmRejection?: boolean;
  /** Called with the engine once it runs (and with null when it stops), e.g. for the object layer. */
  onEngine?: (engine: SketchEngine | null) => void;
  className?: string;
  style?: CSSProperties;
  /** Accessible name of the drawing surface. */
  label: string;
  /** Accessible name of the text editor that opens over the canvas (text tool). */
  textEditorLabel?: string;
  /** A viewer: pan and zoom only, nothing is drawn or changed (see SketchEngineOptions.readOnly). */
  readOnly?: boolean;
}

/** A thin React wrapper: one SketchEngine per mounted document; props update it in place. */
export function SketchCanvas({
  doc,
  awareness,
  author,
  origin,
  brush,
  palmRejection = true,
  onEngine,
  className,
  style,
  label,
  textEditorLabel,
  readOnly = false,
}: SketchCanvasProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<SketchEngine | null>(null);
  // The latest brush, palm setting and callback, for the engine created below (refs are only
  // written in effects, never during render).
  const brushRef = useRef(brush);
  const palmRef = useRef(palmRejection);
  const onEngineRef = useRef(onEngine);
  const textLabelRef = useRef(textEditorLabel ?? label);

  useEffect(() => {
    textLabelRef.current = textEditorLabel ?? label;
  }, [textEditorLabel, label]);

  useEffect(() => {
    onEngineRef.current = onEngine;
  }, [onEngine]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) {
      return undefined;
    }
    const engine = new SketchEngine(host, {
      doc,
      awareness: awareness ?? null,
      author,
      origin,
      brush: brushRef.current,
      palmRejection: palmRef.current,
      textEditorLabel: () => textLabelRef.current,
      readOnly,
    });
    engineRef.current = engine;
    onEngineRef.current?.(engine);
    return () => {
      onEngineRef.current?.(null);
      engineRef.current = null;
      engine.destroy();
    };
  }, [doc, awareness, author, origin, readOnly]);

  useEffect(() => {
    brushRef.current = brush;
    if (brush) {
      engineRef.current?.setBrush(brush);
    }
  }, [brush]);

  useEffect(() => {
    palmRef.current = palmRejection;
    engineRef.current?.setPalmRejection(palmRejection);
  }, [palmRejection]);

  return <div ref={hostRef} className={className} style={style} role="application" aria-label={label} />;
}
