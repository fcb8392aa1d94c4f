/** The espeak-ng package (eSpeak NG compiled to WebAssembly by Emscripten) ships no types. */
declare module 'espeak-ng' {
  interface EspeakModule {
    FS: { readFile(path: string): Uint8Array };
  }
  interface EspeakOptions {
    arguments: string[];
    print?: (s: string) => void;
    printErr?: (s: string) => void;
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      ok: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
    ) => object;
  }
  const ESpeakNg: (opts: EspeakOptions) => Promise<EspeakModule>;
  export default ESpeakNg;
}
