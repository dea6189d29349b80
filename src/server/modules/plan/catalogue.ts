import fs from 'node:fs';
import path from 'node:path';
import { type Indicator, indicatorCatalogueSchema } from '../../../domain/indicators';

const FILE = path.resolve(import.meta.dirname, '../../../../config/reference/indicators.json');

/** The indicator catalogue, from configuration; codes are stable API identifiers. */
export const CATALOGUE: readonly Indicator[] = indicatorCatalogueSchema.parse(
  JSON.parse(fs.readFileSync(FILE, 'utf8')),
);
export const BY_CODE: ReadonlyMap<string, Indicator> = new Map(CATALOGUE.map((i) => [i.code, i]));

export function indicatorOf(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}
