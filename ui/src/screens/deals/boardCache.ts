import type { BoardColumn, Id } from '../../api/types';

/**
 * The board with one deal shown in another column, until the server's answer replaces it;
 * totals move with the card so the headers do not lag the cards.
 */
export function withDealMoved(columns: BoardColumn[], dealId: Id, stageId: Id): BoardColumn[] {
  const deal = columns.flatMap((c) => c.deals).find((d) => d.id === dealId);
  if (!deal || deal.stage_id === stageId) return columns;
  return columns.map((c) => {
    if (c.stage.id === deal.stage_id) {
      return {
        ...c,
        count: c.count - 1,
        amount: c.amount - deal.amount,
        deals: c.deals.filter((d) => d.id !== dealId),
      };
    }
    if (c.stage.id === stageId) {
      return { ...c, count: c.count + 1, amount: c.amount + deal.amount, deals: [{ ...deal, stage_id: stageId }, ...c.deals] };
    }
    return c;
  });
}
