import DOMPurify from 'dompurify';

/** Attributes that can point outside the file. */
const LINK_ATTRIBUTES = ['href', 'xlink:href', 'src'];

/**
 * An SVG file made harmless before it is ever decoded: DOMPurify's SVG profile removes scripts,
 * event handlers, `foreignObject` (HTML inside the picture, which would also taint the canvas it is
 * drawn into) and anything that is not SVG; a hook then drops every link that leaves the file (only
 * `#fragment` references and embedded `data:image/...` pictures stay), so the picture loads nothing
 * from the network. Null when nothing of an `<svg>` is left (not an SVG, or malformed).
 */
export function sanitiseSvg(text: string): { svg: string; removed: number } | null {
  // Well-formed XML with an <svg> root first: DOMPurify parses leniently (as HTML) and would
  // happily complete a truncated file into an empty picture.
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  if (parsed.getElementsByTagName('parsererror').length > 0 || parsed.documentElement.localName !== 'svg') {
    return null;
  }
  const purify = DOMPurify(window);
  let removedLinks = 0;
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (LINK_ATTRIBUTES.includes(data.attrName)) {
      const value = data.attrValue.trim();
      if (!value.startsWith('#') && !/^data:image\/(png|jpeg|webp|gif);/i.test(value)) {
        data.keepAttr = false;
        removedLinks += 1;
      }
    }
  });
  const clean = purify.sanitize(text, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'script', 'style'],
    RETURN_DOM: false,
  });
  const removed = purify.removed.length + removedLinks;
  if (!/^\s*<svg[\s>]/i.test(clean)) {
    return null;
  }
  return { svg: clean, removed };
}
