/**
 * "A deal was recorded": published as a job (one per deal, unique by deal
 * id) when a deal is written; the bonus engine consumes it to accrue the
 * deal's bonus lines.
 */
export const DEAL_RECORDED = "deal.recorded";

export interface DealRecordedData extends Record<string, unknown> {
  dealId: string;
}
