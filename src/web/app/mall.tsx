import { createContext, useContext } from 'react';
import type { Mall } from './types';

/** The mall the current screen belongs to (loaded once by MallLayout from the URL's slug). */
export const MallContext = createContext<Mall | null>(null);

export function useMall(): Mall {
  const mall = useContext(MallContext);
  if (!mall) throw new Error('useMall outside MallLayout');
  return mall;
}
