import type { zh } from './zh';

/** The policy library's English texts: exactly the keys of zh.ts. */
export const en: Record<keyof typeof zh, string> = {
  'menu.group.policies': 'Policies & disclosure',
  'menu.policies.documents': 'Policy documents',
  'menu.policies.documents.desc':
    "The bureau's policy documents: numbers, index numbers, issue and repeal, and the public full texts.",
  'policies.title': 'Title',
  'policies.documentNo': 'Document no.',
  'policies.indexNo': 'Index no.',
  'policies.issuer': 'Issued by',
  'policies.region': 'Region',
  'policies.status': 'Status',
  'policies.issuedOn': 'Issued on',
  'policies.repealedOn': 'Repealed on',
  'policies.isPublic': 'Public',
  'policies.body': 'Full text',
  'policies.search': 'Keyword',
  'policies.searchPlaceholder': 'Title, document or index number',
  'policies.create': 'Draft a document',
  'policies.edit': 'Edit document',
  'policies.view': 'View',
  'policies.issue': 'Issue',
  'policies.repeal': 'Repeal',
  'policies.transitionConfirm': '{action} "{title}"?',
  'policies.created': 'Drafted: {title}',
  'policies.emptyFiltered': 'No policy document matches',
  'policies.emptyNone': 'No policy documents yet',
  'policies.yes': 'Yes',
  'policies.no': 'No',
};
