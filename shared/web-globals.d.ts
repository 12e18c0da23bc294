/**
 * The few platform globals shared/ uses: present, with these shapes, in both browsers and Node.js.
 * Declared here so shared/ compiles without the DOM or Node type libraries (shared/tsconfig.json).
 */
declare global {
  interface TextDecoderOptions {
    fatal?: boolean;
    ignoreBOM?: boolean;
  }
  interface TextDecoder {
    decode(input?: Uint8Array, options?: { stream?: boolean }): string;
  }
  var TextDecoder: { new (label?: string, options?: TextDecoderOptions): TextDecoder };
  interface TextEncoder {
    encode(input?: string): Uint8Array;
  }
  var TextEncoder: { new (): TextEncoder };
  function atob(data: string): string;
}
export {};
