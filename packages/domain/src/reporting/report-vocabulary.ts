/**
 * The reports' words shared by the API (its query schemas) and the SPA (its choosers): one
 * list each, so a new dimension is added once.
 */

/** Student groups the equity report breaks participation down by. */
export const EQUITY_DIMENSIONS = [
  "gender",
  "raceEthnicity",
  "englishLearner",
  "disability",
  "lowIncome",
  "grade",
] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];
