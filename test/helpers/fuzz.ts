// Settings shared by the property-based suites: a fixed seed and a bounded number of runs in CI, so a run is
// repeatable; `npm run fuzz` raises the runs and draws a new seed (fast-check prints it with any failure).
export const SEED = process.env.MTAUDIT_FC_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.MTAUDIT_FC_SEED ?? 20_260_105);
export const RUNS = Number(process.env.MTAUDIT_FC_RUNS ?? 150);
/** A long run can take minutes per property. */
export const TIMEOUT = process.env.MTAUDIT_FC_RUNS ? 3_600_000 : 60_000;
