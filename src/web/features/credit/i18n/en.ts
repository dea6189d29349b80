import type { zh } from './zh';

/** Credit records' English texts: exactly the keys of zh.ts. */
export const en: Record<keyof typeof zh, string> = {
  'menu.group.credit': 'Research integrity',
  'menu.credit.records': 'Credit records',
  'menu.credit.records.desc':
    'Misconduct records of organisations and experts: while in force, no applications, no policy benefits, no reviews.',
  'credit.create': 'New record',
  'credit.edit': 'Edit record',
  'credit.subject': 'Subject',
  'credit.subjectKind': 'Kind',
  'credit.kind.org': 'Organisation',
  'credit.kind.expert': 'Expert',
  'credit.pickExpert': "Type the expert's name",
  'credit.reason': 'Misconduct',
  'credit.sourceDocument': 'Decision',
  'credit.severity': 'Severity',
  'credit.period': 'In force',
  'credit.periodHint': 'No end: open-ended; it lapses by itself at the end',
  'credit.inForce': 'In force',
  'credit.yes': 'In force',
  'credit.lapsed': 'Lapsed',
  'credit.openEnded': 'open-ended',
  'credit.objection': 'Objection',
  'credit.answer': 'Answer',
  'credit.objectionTitle': 'Objection of {name}',
  'credit.answerTitle': 'Answer to {name}',
  'credit.search': 'Search',
  'credit.searchPlaceholder': 'Subject, reason or decision',
  'credit.notice':
    'A record in force stops the organisation (or expert) from creating or submitting applications, keeps it off benefit lists and out of expert draws; it lapses by itself.',
  'credit.emptyFiltered': 'No matching records',
  'credit.emptyNone': 'No credit records',
};
