import type { Me, PolicyAction } from './types';

/**
 * What the signed-in user may do, read from the permissions the server sent with the session
 * (GET /auth/me): no role rules are repeated here. `agencyId`/`counterId` name the resource acted on.
 */
export function may(
  user: Pick<Me, 'permissions' | 'agencyId' | 'counterIds'> | null | undefined,
  action: PolicyAction,
  on: { agencyId?: number; counterId?: number } = {},
): boolean {
  switch (user?.permissions?.[action]) {
    case 'mall':
      return true;
    case 'agency':
      return on.agencyId === undefined || on.agencyId === user.agencyId;
    case 'counters':
      return on.counterId !== undefined && user.counterIds.includes(on.counterId);
    default:
      return false;
  }
}
