import { type TableColumnType, Tag } from 'antd';

import { useCallback } from 'react';
import type { Msg } from '../../../domain/message';
import { APPLICATION_STATES, type ApplicationState } from '../../../domain/projects';
import { useLocale, useMsg } from '../../app/i18n';
import { getCurrentLocale } from '../../app/i18n/locale-store';
import { moneyText } from '../../app/money';
import { useHitechFields } from './api';

const STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  recommended: 'cyan',
  expert_review: 'purple',
  reviewed: 'geekblue',
  proposed: 'gold',
  approved: 'lime',
  publicity: 'lime',
  established: 'green',
  in_progress: 'green',
  rectifying: 'volcano',
  acceptance_pending: 'cyan',
  closed: 'success',
  rejected: 'red',
  not_approved: 'red',
  terminated: 'red',
};

/** The state of an application as a coloured tag, in the language showing. */
export function StateTag({ state, name }: { state: ApplicationState; name?: Msg }) {
  const pickMsg = useMsg();
  return <Tag color={STATE_COLORS[state]}>{pickMsg(name ?? APPLICATION_STATES[state])}</Tag>;
}

/**
 * 万元 amounts arrive as exact decimal strings; written by the shared money rule (app/money.tsx):
 * 万元 below 1亿元, 亿元 above (a budget of 15,200,000 万元 reads 1,520 亿元).
 */
export function wanText(v: string | null | undefined): string {
  return moneyText(v, getCurrentLocale()).text;
}

/** A table column of a 万元 amount, right-aligned so the figures line up. */
export function wanColumn<T>(
  title: string,
  key: string,
  value: (row: T) => string | null | undefined,
): TableColumnType<T> {
  return { title, key, align: 'right', render: (_, row) => wanText(value(row)) };
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A high-tech field's name by its code, in the language showing. */
export function useFieldName(): (code: string | null | undefined) => string {
  const { locale } = useLocale();
  const fields = useHitechFields();
  return useCallback(
    (code) => {
      if (!code) return '—';
      const f = fields.data?.find((x) => x.code === code);
      return f ? (locale === 'en' ? f.nameEn : f.name) : code;
    },
    [fields.data, locale],
  );
}

/** The UUID of a record in a route, checked before asking the server (a malformed id is a 404). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
