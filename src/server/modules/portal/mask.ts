/** A contact as a list shows it: 138****5678 for a mobile, z***@example.cn for an e-mail. */
export function maskContact(contact: string): string {
  const c = contact.trim();
  const at = c.indexOf('@');
  if (at > 0) return `${c[0]}***${c.slice(at)}`;
  const digits = c.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '****';
}
