// The bonus calculator's public surface: pure functions, no I/O, no clock.
export { accrueDeal } from "./calculator.js";
export type { BonusKind, BonusStatus, BonusLineDraft, DealFacts } from "./calculator.js";
export { rateForSequence } from "./rates.js";
export { resolveUplift } from "./retention.js";
export type { RetentionFacts, UpliftResolution } from "./retention.js";
export { summarizeStatement } from "./statement.js";
export type { StatementLine, StatementSummary } from "./statement.js";
