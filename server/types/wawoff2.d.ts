/** The part of wawoff2 (Google's WOFF2 decoder as WebAssembly) the exports use. */
declare module 'wawoff2' {
  const wawoff2: {
    /** Decompresses a WOFF2 file to the TrueType/OpenType font it holds. */
    decompress(woff2: Uint8Array): Promise<Uint8Array>;
    /** Compresses a TrueType/OpenType font to WOFF2. */
    compress(font: Uint8Array): Promise<Uint8Array>;
  };
  export default wawoff2;
}
