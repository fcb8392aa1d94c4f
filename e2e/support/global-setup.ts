import { ensureBuilt } from './server';

/** Builds the web app and the compiled server once, if stale, before any e2e file starts a server. */
export default function setup(): void {
  ensureBuilt();
}
