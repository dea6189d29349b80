/** Administration endpoints: TanStack Query key factory and hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AuditArchive,
  AuditEntry,
  auditQuerySchema,
  auditVerifySchema,
  createUserBodySchema,
  departmentBodySchema,
  departmentSchema,
  permissionSchema,
  roleSchema,
  sessionSchema,
  User,
  UserWithPassword,
  updateDepartmentBodySchema,
  updateRoleBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
} from '../../../domain/contracts/admin';
import type { PageQuery } from '../../../domain/contracts/common';
import type { SecurityPolicy } from '../../../domain/password-policy';
import type { RoleCode } from '../../../domain/roles';
import { api, type ListResult } from '../../app/api-client';

export type Department = z.infer<typeof departmentSchema>;
export type Role = z.infer<typeof roleSchema>;
export type PermissionInfo = z.infer<typeof permissionSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type AuditVerify = z.infer<typeof auditVerifySchema>;
export type UserListQuery = Partial<z.infer<typeof userListQuerySchema>>;
export type AuditQuery = Partial<z.infer<typeof auditQuerySchema>>;
export type CreateUserBody = z.input<typeof createUserBodySchema>;
export type UpdateUserBody = z.input<typeof updateUserBodySchema>;
export type DepartmentBody = z.input<typeof departmentBodySchema>;
export type UpdateDepartmentBody = z.input<typeof updateDepartmentBodySchema>;
export type UpdateRoleBody = z.input<typeof updateRoleBodySchema>;
type PageParams = Partial<PageQuery>;

const BASE = '/api/v1/admin';

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (params: UserListQuery) => [...adminKeys.users(), params] as const,
  departments: () => [...adminKeys.all, 'departments'] as const,
  departmentList: (params: PageParams) => [...adminKeys.departments(), params] as const,
  roles: () => [...adminKeys.all, 'roles'] as const,
  permissions: () => [...adminKeys.all, 'permissions'] as const,
  securityPolicy: () => [...adminKeys.all, 'security-policy'] as const,
  sessions: () => [...adminKeys.all, 'sessions'] as const,
  sessionList: (params: PageParams) => [...adminKeys.sessions(), params] as const,
  audit: () => [...adminKeys.all, 'audit'] as const,
  auditList: (params: AuditQuery) => [...adminKeys.audit(), 'list', params] as const,
  auditVerify: () => [...adminKeys.audit(), 'verify'] as const,
  auditArchives: () => [...adminKeys.audit(), 'archives'] as const,
};

/** Export endpoints take the list's filters, without paging. */
export const exportPaths = {
  users: `${BASE}/users/export.xlsx`,
  departments: `${BASE}/departments/export.xlsx`,
  roles: `${BASE}/roles/export.xlsx`,
  sessions: `${BASE}/sessions/export.xlsx`,
  audit: `${BASE}/audit/export.xlsx`,
};

// ── users ────────────────────────────────────────────────────────────────────
export function useUsers(params: UserListQuery) {
  return useQuery({
    queryKey: adminKeys.userList(params),
    queryFn: () => api.get<ListResult<User>>(`${BASE}/users`, params),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(key: readonly unknown[]) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateUser() {
  const invalidate = useInvalidate(adminKeys.users());
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<UserWithPassword>(`${BASE}/users`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate(adminKeys.users());
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      api.patch<User>(`${BASE}/users/${id}`, body),
    onSuccess: invalidate,
  });
}

export type UserAction = 'disable' | 'enable' | 'unlock';

export function useUserAction() {
  const invalidate = useInvalidate(adminKeys.users());
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: UserAction }) =>
      api.post<unknown>(`${BASE}/users/${id}/${action}`),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidate(adminKeys.users());
  return useMutation({
    mutationFn: (id: string) => api.post<UserWithPassword>(`${BASE}/users/${id}/reset-password`),
    onSuccess: invalidate,
  });
}

// ── role grants (secadmin) ───────────────────────────────────────────────────
export function useRoleGrants(params: UserListQuery) {
  return useQuery({
    queryKey: [...adminKeys.users(), 'grants', params],
    queryFn: () => api.get<ListResult<User>>(`${BASE}/role-grants`, params),
    placeholderData: keepPreviousData,
  });
}

export function useGrantRole() {
  const invalidate = useInvalidate(adminKeys.users());
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: RoleCode }) =>
      api.put<User>(`${BASE}/role-grants/${id}`, { role }),
    onSuccess: invalidate,
  });
}

export function useResetSecondFactor() {
  const invalidate = useInvalidate(adminKeys.users());
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`${BASE}/users/${id}/reset-second-factor`),
    onSuccess: invalidate,
  });
}

// ── departments ──────────────────────────────────────────────────────────────
export function useDepartments(params: PageParams) {
  return useQuery({
    queryKey: adminKeys.departmentList(params),
    queryFn: () => api.get<ListResult<Department>>(`${BASE}/departments`, params),
    placeholderData: keepPreviousData,
  });
}

/** Every department, for selects (a bureau has a dozen or so). */
export function useDepartmentOptions(enabled = true) {
  return useQuery({
    queryKey: adminKeys.departmentList({ pageSize: 200 }),
    queryFn: () => api.get<ListResult<Department>>(`${BASE}/departments`, { pageSize: 200 }),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateDepartment() {
  const invalidate = useInvalidate(adminKeys.departments());
  return useMutation({
    mutationFn: (body: DepartmentBody) => api.post<Department>(`${BASE}/departments`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidate(adminKeys.departments());
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDepartmentBody }) =>
      api.patch<Department>(`${BASE}/departments/${id}`, body),
    onSuccess: invalidate,
  });
}

// ── roles and permissions ────────────────────────────────────────────────────
export function useRoles() {
  return useQuery({
    queryKey: adminKeys.roles(),
    queryFn: () => api.get<ListResult<Role>>(`${BASE}/roles`),
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: adminKeys.permissions(),
    queryFn: () => api.get<{ items: PermissionInfo[] }>(`${BASE}/permissions`),
    select: (data) => data.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUpdateRole() {
  const invalidate = useInvalidate(adminKeys.roles());
  return useMutation({
    mutationFn: ({ code, body }: { code: RoleCode; body: UpdateRoleBody }) =>
      api.patch<Role>(`${BASE}/roles/${code}`, body),
    onSuccess: invalidate,
  });
}

// ── security policy ──────────────────────────────────────────────────────────
export function useSecurityPolicy() {
  return useQuery({
    queryKey: adminKeys.securityPolicy(),
    queryFn: () => api.get<SecurityPolicy>(`${BASE}/security-policy`),
  });
}

export function useUpdateSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecurityPolicy) => api.put<SecurityPolicy>(`${BASE}/security-policy`, body),
    onSuccess: (policy) => queryClient.setQueryData(adminKeys.securityPolicy(), policy),
  });
}

// ── sessions ─────────────────────────────────────────────────────────────────
export function useSessions(params: PageParams) {
  return useQuery({
    queryKey: adminKeys.sessionList(params),
    queryFn: () => api.get<ListResult<Session>>(`${BASE}/sessions`, params),
    placeholderData: keepPreviousData,
  });
}

export function useRevokeSession() {
  const invalidate = useInvalidate(adminKeys.sessions());
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${BASE}/sessions/${id}`),
    onSuccess: invalidate,
  });
}

// ── audit ────────────────────────────────────────────────────────────────────
export function useAuditEntries(params: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.auditList(params),
    queryFn: () => api.get<ListResult<AuditEntry>>(`${BASE}/audit`, params),
    placeholderData: keepPreviousData,
  });
}

export function useAuditVerify() {
  return useQuery({
    queryKey: adminKeys.auditVerify(),
    queryFn: () => api.get<AuditVerify>(`${BASE}/audit/verify`),
    staleTime: 0,
  });
}

/** Archives of the purged prefix (entries older than the retention), oldest first. */
export function useAuditArchives() {
  return useQuery({
    queryKey: adminKeys.auditArchives(),
    queryFn: () => api.get<{ items: AuditArchive[] }>(`${BASE}/audit/archives`),
  });
}

export const auditArchivePath = (id: string) => `${BASE}/audit/archives/${id}/download`;
