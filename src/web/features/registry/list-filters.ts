/**
 * Whether a list is narrowed by the user (so an empty result means "nothing matches", not "nothing
 * recorded"): any filter set to something other than its default. Sorting narrows nothing.
 */
export function hasFilters(query: object, defaults: Record<string, unknown> = {}): boolean {
  return Object.entries(query).some(
    ([key, value]) => key !== 'sort' && value !== undefined && value !== defaults[key],
  );
}
