/** The public site's data: one hook per /api/v1/public endpoint it reads. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { publicPolicySchema } from '../../../../domain/contracts/policies';
import type {
  objectionReceiptSchema,
  objectionStatusSchema,
  PublicStatistics,
  publicCallDetailSchema,
  publicCallSchema,
  publicGuideSchema,
  publicNoticeDetailSchema,
  publicNoticeSchema,
} from '../../../../domain/contracts/portal';
import { http } from './http';
import { useLocale } from './i18n';

export type PublicCall = z.infer<typeof publicCallSchema>;
export type PublicCallDetail = z.infer<typeof publicCallDetailSchema>;
export type PublicNotice = z.infer<typeof publicNoticeSchema>;
export type PublicNoticeDetail = z.infer<typeof publicNoticeDetailSchema>;
export type PublicGuide = z.infer<typeof publicGuideSchema>;
export type PublicPolicy = z.infer<typeof publicPolicySchema>;
export type ObjectionReceipt = z.infer<typeof objectionReceiptSchema>;
export type ObjectionStatus = z.infer<typeof objectionStatusSchema>;
interface Page<T> {
  items: T[];
  total: number;
}

const API = '/api/v1/public';

export function useCalls(status: string | undefined, page: number, pageSize = 10) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['public', 'calls', status, page, pageSize, locale],
    queryFn: () => http.get<Page<PublicCall>>(`${API}/calls`, { status, page, pageSize }),
  });
}
export function useCall(id: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['public', 'call', id, locale],
    queryFn: () => http.get<PublicCallDetail>(`${API}/calls/${id}`),
  });
}
export function useNotices(page: number, pageSize = 10) {
  return useQuery({
    queryKey: ['public', 'notices', page, pageSize],
    queryFn: () => http.get<Page<PublicNotice>>(`${API}/notices`, { page, pageSize }),
  });
}
export function useNotice(id: string) {
  return useQuery({
    queryKey: ['public', 'notice', id],
    queryFn: () => http.get<PublicNoticeDetail>(`${API}/notices/${id}`),
  });
}
export function usePolicies(page: number, pageSize = 10) {
  return useQuery({
    queryKey: ['public', 'policies', page, pageSize],
    queryFn: () => http.get<Page<PublicPolicy>>(`${API}/policies`, { page, pageSize }),
  });
}
export function useGuides() {
  return useQuery({
    queryKey: ['public', 'guides'],
    queryFn: () => http.get<{ items: PublicGuide[] }>(`${API}/guides`),
  });
}
export function useStatistics(year: number | undefined) {
  return useQuery({
    queryKey: ['public', 'statistics', year],
    queryFn: () => http.get<PublicStatistics>(`${API}/statistics`, { year }),
  });
}
