import type { Msg } from '../message';

/**
 * The outcome of validating an identifier. On success `value` is the normalised form to store;
 * on failure `position` (1-based, in the normalised input) points at the offending character
 * when one can be named, and `reason` says which rule was broken, in both languages.
 */
export type IdResult<T = Record<never, never>> = ({ ok: true; value: string } & T) | IdFailure;

export type IdFailure = { ok: false; position?: number; reason: Msg };

export * from './hte-certificate';
export * from './id-card';
export * from './patent-number';
export * from './uscc';
