import { describe, expect, it } from 'vitest';
import { addTerm, caseActionAllowed, caseDeadline } from './ip-cases';

describe('enforcement case rules', () => {
  it('counts the statutory term from 立案, month ends and the one extension included', () => {
    expect(caseDeadline('infringement', '2016-03-15', false)).toBe('2016-06-15');
    expect(caseDeadline('infringement', '2016-03-15', true)).toBe('2016-07-15');
    expect(caseDeadline('infringement', '2016-11-30', false)).toBe('2017-02-28');
    expect(caseDeadline('counterfeit', '2016-01-31', false)).toBe('2016-02-29');
    expect(caseDeadline('counterfeit', '2016-01-31', true)).toBe('2016-03-15');
    expect(addTerm('2016-12-20', 0, 15)).toBe('2017-01-04');
  });

  it('allows a move only from the states, kinds and extension the table names', () => {
    const dispute = { kind: 'infringement' as const, status: 'investigating' as const, extended: false };
    expect(caseActionAllowed('hear', dispute)).toBe(true);
    expect(caseActionAllowed('hear', { ...dispute, kind: 'counterfeit' })).toBe(false);
    expect(caseActionAllowed('mediate', { ...dispute, kind: 'counterfeit' })).toBe(false);
    expect(caseActionAllowed('extend', dispute)).toBe(true);
    expect(caseActionAllowed('extend', { ...dispute, extended: true })).toBe(false);
    expect(caseActionAllowed('close', dispute)).toBe(false);
    expect(caseActionAllowed('file', { ...dispute, status: 'received' })).toBe(true);
    expect(caseActionAllowed('decide', { ...dispute, status: 'closed' })).toBe(false);
  });
});
