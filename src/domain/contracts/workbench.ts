import { z } from 'zod';

/**
 * 工作台: what waits for the signed-in user, one line per kind of work. Each line carries the
 * list it opens (with its filters in the address) and the menu entry whose badge shows the count.
 */
export const WORKBENCH_KEYS = [
  'toApprove',
  'toRecommend',
  'toCheck',
  'toPropose',
  'toAcceptFinal',
  'toReview',
  'toRegister',
  'toAnswerObjections',
  'toOnboard',
  'toCorrect',
  'drafts',
  'expiring',
  'toConfirmBenefit',
  'unread',
] as const;
export type WorkbenchKey = (typeof WORKBENCH_KEYS)[number];

export const workbenchItemSchema = z.object({
  key: z.enum(WORKBENCH_KEYS),
  count: z.number().int().min(0),
  /** The list showing exactly these records: a path with its filters as query parameters. */
  path: z.string(),
  /** The menu entry (web `menu.ts` key) the count is shown on as a badge. */
  menuKey: z.string(),
});
export type WorkbenchItem = z.infer<typeof workbenchItemSchema>;

export const workbenchSchema = z.object({
  items: z.array(workbenchItemSchema),
  /** The window, in days, a qualification counts as expiring within. */
  expiringDays: z.number().int(),
});
export type Workbench = z.infer<typeof workbenchSchema>;

/** The years the platform holds figures for, newest first, and the default year every page opens on. */
export const dataYearsSchema = z.object({
  years: z.array(z.number().int()),
  /** The newest year with data (statistics, reported figures); null on an empty platform. */
  latest: z.number().int().nullable(),
});
export type DataYears = z.infer<typeof dataYearsSchema>;
