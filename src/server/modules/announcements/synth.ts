import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { clipText } from '../../../shared/domain/announcement-clips.js';
import { encodeWav, parseWav, trimSilence } from './wav.js';

/**
 * Offline Indonesian speech: eSpeak NG compiled to WebAssembly (npm `espeak-ng`, its `id` voice
 * embedded), so any display PC gets a voice without the internet or a system install. The module is
 * compiled once; each word runs the espeak-ng CLI in a fresh instance (~0.1 s), one at a time, so a
 * burst of first requests cannot pile up instances of 32 MB each.
 */
const require = createRequire(import.meta.url);
/** Bumped when the voice, its options or the post-processing change: it names the disk cache and the URLs. */
export const SYNTH_VERSION = 'espeak-ng-1.0.2-id-s150-v1';

let compiled: Promise<WebAssembly.Module> | null = null;
let chain: Promise<unknown> = Promise.resolve();

function wasmModule(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const js = require.resolve('espeak-ng');
    return WebAssembly.compile(await fs.readFile(path.join(path.dirname(js), 'espeak-ng.wasm')));
  })();
  return compiled;
}

async function runEspeak(text: string): Promise<Buffer> {
  const mod = await wasmModule();
  const { default: ESpeakNg } = await import('espeak-ng');
  const es = await ESpeakNg({
    arguments: ['-v', 'id', '-s', '150', '-w', '/clip.wav', text],
    print: () => {},
    printErr: () => {},
    instantiateWasm(imports, ok) {
      void WebAssembly.instantiate(mod, imports).then((inst) => ok(inst, mod));
      return {};
    },
  });
  return Buffer.from(es.FS.readFile('/clip.wav'));
}

/** The WAV of one clip key spoken in Indonesian, its silence trimmed. Serialised process-wide. */
export function synthesise(key: string): Promise<Buffer> {
  const run = chain.then(async () => {
    const pcm = parseWav(await runEspeak(clipText(key)));
    if (!pcm) throw new Error(`espeak-ng produced no PCM WAV for "${key}"`);
    return encodeWav(trimSilence(pcm));
  });
  chain = run.catch(() => {});
  return run;
}
