/**
 * The seed's 2016 figures (泉州市科技局2016年工作总结, 泉科〔2017〕28号) that the demo data must
 * reproduce exactly when the indicators are computed as of 2016-12-31, and the shape of the
 * history around them. The generator builds its populations from these numbers.
 */
export const AS_OF = '2016-12-31';

export const DEMO_FIGURES = {
  hte_valid: 311,
  prov_tech_ent: 259,
  ip_pilot_ent: 398,
  muni_eng_center: 189,
  ind_tech_center: 164,
  prov_key_lab: 12,
  national_platform: 3,
  new_rd_inst: 36,
  incubators: 71,
  incubators_national: 8,
  startups_served: 498,
  teams_served: 1028,
  above_size_ind: 4438,
  rd_active_ent: 667,
  core_tech_ent: 150,
  nc_enterprises: 1300,
} as const;

export type DemoSummary = { -readonly [K in keyof typeof DEMO_FIGURES]: number };

/** Enterprise populations (the demo enterprise of the accounts seed is one of the 2016 above-size). */
export const POPULATION = {
  /** 规上 in 2015 and 2016, generated (the demo enterprise is added on top). */
  aboveBoth: 4437 - 250,
  /** Became 规上 in 2016. */
  newAbove2016: 250,
  /** 规上 in 2015, fell below the threshold in 2016. */
  droppedIn2016: 112,
  /** Small enterprises, never 规上 (科技型中小企业, start-ups, service firms). */
  small: 720,
  /** HTE holders that are not 规上 in 2016 (the rest of hte_valid is 规上). */
  smallHte: 31,
  /** Cultivation pool 高企培育库: 规上, R&D active, not HTE; figures meet or narrowly miss. */
  poolMeet: 60,
  poolMiss: 90,
  /** Of core_tech_ent, how many are HTE holders (the rest come from the pool). */
  coreHte: 120,
} as const;

export const INSTITUTIONS = {
  universities: 8,
  institutes: 12,
  /** 36 counted + 1 closed in 2016 + 3 recognised in 2017. */
  newRdInstitutions: 40,
  serviceAgencies: 45,
  financialInstitutions: 14,
} as const;

/**
 * Weights of the counties for enterprises (晋江 > 南安 > 石狮 > 丰泽 > the rest; the two functional
 * zones small; 金门县 holds no data).
 */
export const ENTERPRISE_REGION_WEIGHTS: Record<string, number> = {
  '350582': 30,
  '350583': 16,
  '350581': 12,
  '350503': 9,
  '350502': 6,
  '350521': 6.5,
  '350504': 5,
  '350505': 4,
  '350524': 3.5,
  '350525': 3,
  '350526': 3.5,
  '350500Z1': 1.2,
  '350500Z2': 1.2,
};

/** Universities, institutes and agencies gather in the city centre. */
export const INSTITUTION_REGION_WEIGHTS: Record<string, number> = {
  '350503': 30,
  '350502': 18,
  '350582': 16,
  '350583': 7,
  '350581': 7,
  '350504': 6,
  '350521': 4,
  '350505': 3,
  '350524': 2,
  '350525': 2,
  '350526': 2,
  '350500Z1': 2,
  '350500Z2': 2,
};
