/**
 * Length limits of the catalog's text fields, used by the zod schemas (catalog.ts) and by the screens'
 * form inputs (maxLength), so a form never accepts what the server would reject. No zod here: the web
 * bundle imports this file alone.
 */
export const LIMITS = {
  agencyName: 200,
  agencyKey: 63,
  hotline: 100,
  backOfficeContact: 300,
  serviceName: 300,
  keyword: 60,
  notServedNote: 500,
  queuePrefix: 3,
  counterName: 100,
  counterRequestReason: 200,
  zoneName: 100,
  breakLabel: 100,
  standardLegalBasis: 4000,
  standardItem: 1000,
  standardText: 2000,
  product: 1000,
  mallName: 200,
  address: 500,
  displayName: 120,
  username: 64,
  password: 200,
  search: 200,
} as const;
