// js-yaml ships without types and @types/js-yaml is not installed; it arrives with electron-builder.
// Only the one function the packaging test uses is declared.
declare module 'js-yaml' {
  /** Parses one YAML document; throws YAMLException on invalid YAML. */
  export function load(text: string, options?: { filename?: string; json?: boolean }): unknown;
}
