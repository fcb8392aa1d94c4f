import type { StandardBody } from '../../../shared/contracts/catalog.js';
import type { ReadinessRule } from './opening.template.js';
import type { ReadinessFacts } from './readiness.repo.js';

export interface RuleResult {
  done: boolean;
  /** What is still missing, in words an admin can act on; null when done. */
  detail: string | null;
}

const names = (xs: { name: string }[]) =>
  xs
    .slice(0, 5)
    .map((x) => x.name)
    .join(', ') + (xs.length > 5 ? ` (+${xs.length - 5})` : '');
const result = (missing: { name: string }[], what: string): RuleResult =>
  missing.length ? { done: false, detail: `${what}: ${names(missing)}` } : { done: true, detail: null };

/** The six published components are there and the standard is not a draft made from a candidate. */
export function isPublished(body: string | null): boolean {
  if (!body) return false;
  const s = JSON.parse(body) as Partial<StandardBody>;
  return (
    !(s.source ?? '').startsWith('draft:') &&
    (s.requirements?.length ?? 0) > 0 &&
    (s.procedure?.length ?? 0) > 0 &&
    !!s.completionTime &&
    !!s.fee &&
    !!s.product &&
    !!s.complaintHandling
  );
}

/**
 * Derives a computed readiness item from the mall's data. Joining agencies are the mall's active
 * agencies that serve at least one service at the mall (full or intake only), or any active agency
 * when none does yet.
 */
export function evaluateRule(rule: ReadinessRule, f: ReadinessFacts, today: string): RuleResult {
  const serving = new Set(f.services.filter((s) => s.coverage !== 'not_served').map((s) => s.agency_id));
  const joining = f.agencies.filter((a) => serving.size === 0 || serving.has(a.id));
  const signed = (kind: string) =>
    new Set(f.agreements.filter((a) => a.kind === kind && a.status === 'signed').map((a) => a.agency_id));
  switch (rule) {
    case 'agencies_joined':
      return f.agencies.length
        ? { done: true, detail: null }
        : { done: false, detail: 'Belum ada instansi (no agency yet)' };
    case 'mou_signed': {
      const mou = signed('mou');
      return result(
        joining.filter((a) => !mou.has(a.id)),
        'Belum menandatangani nota kesepakatan',
      );
    }
    case 'pks_signed':
      return result(
        joining.filter((a) => a.agreement_status !== 'signed'),
        'Belum menandatangani PKS',
      );
    case 'counters_for_agencies': {
      const withCounter = new Set(f.counters.map((c) => c.agency_id));
      return result(
        f.agencies.filter((a) => serving.has(a.id) && !withCounter.has(a.id)),
        'Belum punya loket',
      );
    }
    case 'standards_published':
      return result(
        f.services.filter((s) => s.coverage !== 'not_served' && !isPublished(s.body)),
        'Standar pelayanan belum lengkap',
      );
    case 'dualism_on_plan': {
      const late = f.dualism.filter((d) => d.end_date < today);
      return late.length
        ? { done: false, detail: `${late.length} dualisme layanan melewati tanggal akhir` }
        : { done: true, detail: null };
    }
    case 'opening_hours_set':
      return f.hours.length
        ? { done: true, detail: null }
        : { done: false, detail: 'Jam layanan belum diisi (no opening hours)' };
    default: {
      const never: never = rule;
      return never;
    }
  }
}
