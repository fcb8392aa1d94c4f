import { createContext, useContext } from 'react';
import type { Auth } from '../../app/auth';
import type { Me, PolicyAction } from '../../app/types';

export interface AdminCtx {
  token: string;
  user: Me;
  auth: Auth;
  /** Manages the whole mall's catalog (not just one agency's), as the server's permissions say. */
  isMallAdmin: boolean;
  /** Whether the server's policy lets this user do `action` on a resource of `agencyId`. */
  may: (action: PolicyAction, agencyId?: number) => boolean;
}

export const AdminContext = createContext<AdminCtx | null>(null);

export function useAdmin(): AdminCtx {
  const c = useContext(AdminContext);
  if (!c) throw new Error('useAdmin outside AdminScreen');
  return c;
}
