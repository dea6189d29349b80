import type { Indicator } from '../../../domain/indicators';
import type { Definition } from './computed-sql';

/**
 * Where the indicator catalogue (configuration) and the computed definitions (code) disagree: a
 * computed indicator without a definition would have no figure, a definition outside the
 * catalogue would never be shown, a derived indicator built on an unknown code would be empty.
 * The app refuses to start while any of these holds, rather than show gaps.
 */
export function catalogueProblems(
  catalogue: readonly Indicator[],
  computed: Readonly<Record<string, Definition>>,
): string[] {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const problems: string[] = [];
  for (const i of catalogue) {
    if (i.kind === 'computed' && !Object.hasOwn(computed, i.code))
      problems.push(`Indicator ${i.code} is computed but has no definition in plan/computed-sql.ts`);
    if (i.kind === 'derived' && i.formula)
      for (const part of [i.formula.numerator, i.formula.denominator])
        if (!byCode.has(part))
          problems.push(`Indicator ${i.code} derives from ${part}, which is not in the catalogue`);
  }
  for (const code of Object.keys(computed)) {
    const i = byCode.get(code);
    if (!i) problems.push(`Computed definition ${code} has no indicator in the catalogue`);
    else if (i.kind !== 'computed') problems.push(`Computed definition ${code} is for a ${i.kind} indicator`);
  }
  return problems;
}
