import { createContext, useContext } from 'react';
import type { Auth } from '../../app/auth';
import type { User } from '../../app/types';

export interface AdminCtx {
  token: string;
  user: User;
  auth: Auth;
  /** mall admins (and national admins) manage everything; agency admins their own agency. */
  isMallAdmin: boolean;
}

export const AdminContext = createContext<AdminCtx | null>(null);

export function useAdmin(): AdminCtx {
  const c = useContext(AdminContext);
  if (!c) throw new Error('useAdmin outside AdminScreen');
  return c;
}
