import { useRef } from 'react';

/** A random key, from getRandomValues: randomUUID exists only on HTTPS, and a LAN install may be plain HTTP. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The `Idempotency-Key` of one user intent (one "create" in one dialog): a double click, a second
 * press after a lost answer or a retry sends the same key with the same body, and the server makes
 * one record. Changing the form makes it another intent (the server would refuse an old key with
 * another body); after success the next create is a new intent too.
 */
export class IntentKey {
  private last: { body: string; key: string } | null = null;

  keyFor(body: unknown): string {
    const text = JSON.stringify(body) ?? '';
    if (this.last?.body !== text) this.last = { body: text, key: newKey() };
    return this.last.key;
  }

  /** The intent is fulfilled: the next create gets a new key. */
  done(): void {
    this.last = null;
  }
}

/** One `IntentKey` for the life of the component (the dialog): reopening it starts a new intent. */
export function useIntentKey(): IntentKey {
  const ref = useRef<IntentKey | null>(null);
  ref.current ??= new IntentKey();
  return ref.current;
}
