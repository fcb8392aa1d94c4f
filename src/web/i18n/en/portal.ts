import type { Dict } from '../dict';
import type * as id from '../id/portal';

/** English: Public portal: home, service catalogue and standards. */
export const home: Dict<typeof id.home> = {
  title: 'Public Service Malls',
  lead: 'Choose a public service mall and the screen to open.',
  empty: 'No public service malls yet.',
  allMalls: 'All public service malls',
  screensOf: 'Screens of {{name}}',
  screen: {
    portal: 'Citizen portal',
    kiosk: 'Ticket kiosk',
    display: 'Display board',
    counter: 'Counter console',
    admin: 'Admin',
  },
};

export const portal: Dict<typeof id.portal> = {
  nav: 'Portal menu',
  services: 'Services',
  hotlines: 'Agency hotlines',
  title: 'Find a service',
  lead: 'Official requirements, procedure, time and fee of every service.',
  searchLabel: 'Search services',
  searchPlaceholder: 'e.g. KTP, SKCK, SIM, NPWP',
  agency: 'Agency',
  allAgencies: 'All agencies',
  results: '{{count}} services',
  results_one: '{{count}} service',
  noResults: 'No service found.',
  noResultsHint:
    'Try another word (e.g. "KTP", "SKCK", "passport"), check the spelling, or choose "All agencies".',
  serviceNotFound: 'Service not found.',
  backToCatalog: 'Back to the services',
  whereServed: 'Where it is served',
  noCounter: 'No counter serves this service yet.',
  hotline: 'Hotline',
  hotlinesTitle: 'Agency hotlines',
  hotlinesLead: 'Call the agency directly with questions about its services.',
  hotlinesLink: 'See every agency’s hotline',
  noHotline: 'No hotline yet',
  servicesCount: '{{count}} services',
  servicesCount_one: '{{count}} service',
  trackTitle: 'Follow your queue number',
  trackLabel: 'Code on your ticket',
  trackButton: 'Follow',
  footer:
    'Vulnerable groups are served first and free of charge. Nothing is charged beyond the official fee.',
};

export const standard: Dict<typeof id.standard> = {
  legalBasis: 'Legal basis',
  requirements: 'Requirements',
  procedure: 'System, mechanism and procedure',
  completionTime: 'Completion time',
  fee: 'Fee',
  feeLegalBasis: 'Legal basis of the fee',
  product: 'Service product',
  facilities: 'Facilities',
  officerCompetence: 'Officer competence',
  internalSupervision: 'Internal supervision',
  complaintHandling: 'Complaints, suggestions and feedback',
  officerCount: 'Number of officers',
  serviceGuarantee: 'Service guarantee',
  securityGuarantee: 'Security and safety guarantee',
  performanceEvaluation: 'Officer performance evaluation',
  noExtraFees: 'Nothing may be charged beyond this official fee. Report illegal levies through a complaint.',
  notServed: 'Not served at this mall',
  version: 'Service standard version {{version}}, valid from {{date}}',
  published: 'published',
  empty: 'not filled in',
};
