import { useEffect, useRef } from 'react';

/**
 * Single-key shortcuts (N, R, S, F, X, T, W) that never fire while typing in a field.
 *
 * The listener stays registered for the component's life and reads `enabled` from a ref written at
 * render. Re-registering it when `enabled` changes (as this hook once did) left a gap: a dialog
 * closing after an action is committed to the page at once, but the passive effect that adds the
 * listener back runs a task later, so a key pressed in between was silently lost (the browser test
 * "cancel the called ticket after confirming" pressed N right after the walk-in dialog closed and
 * timed out waiting for the call about 1 run in 4 under load).
 */
export function useShortcuts(map: Record<string, () => unknown>, enabled: boolean): void {
  const ref = useRef({ map, enabled });
  ref.current = { map, enabled };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!ref.current.enabled) return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
      const fn = ref.current.map[e.key.toLowerCase()];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
