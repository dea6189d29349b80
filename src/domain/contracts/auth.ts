import { z } from 'zod';
import { ROLE_CODES } from '../roles';

export const loginBodySchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_CODES),
  regionCode: z.string().optional(),
  orgId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  mustChangePassword: z.boolean(),
  abilities: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .strict();
