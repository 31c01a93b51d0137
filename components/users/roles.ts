import { ROLES, type Role } from '@/lib/auth/roles';

const WHAT: Record<Role, string> = { viewer: 'read only', operator: 'lifecycle and consoles', admin: 'everything' };

/** The roles as the forms offer them, least rights first, each with what it may do in a few words. */
export const ROLE_CHOICES = [...ROLES].reverse().map((value) => ({ value, label: `${value} — ${WHAT[value]}` }));
