import type { Mall } from './types';

/**
 * The mall the server embedded in the page it served (src/server/web.ts `withMall`), so a mall's
 * screen draws without waiting for GET /malls/{mall}. Only for the slug it was served for.
 */
export function embeddedMall(slug: string): Mall | null {
  const el = document.getElementById('satu-atap-mall');
  if (!el?.textContent) return null;
  try {
    const mall = JSON.parse(el.textContent) as Mall;
    return mall.slug === slug ? mall : null;
  } catch {
    return null;
  }
}
