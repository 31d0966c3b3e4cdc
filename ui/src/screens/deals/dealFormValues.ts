import type { Criterion, Deal, DealInput, Id } from '../../api/types';

/** What the deal form edits: every field as typed, turned into a DealInput only on submit. */
export interface DealFormValues {
  title: string;
  product: string;
  company_id: Id | null;
  contact_ids: Id[];
  owner_id: Id | null;
  pipeline_id: Id;
  amount: string;
  currency: string;
  win_probability: number | string;
  planned_payment_date: string | null;
  expected_close_date: string | null;
  sales_channel: string | null;
  communication_channel: string | null;
  lead_source: string | null;
  qualification: Criterion[];
  loss_comment: string;
}

/** Minor units back to what a person would type: "120000.5" for 12 000 050 kopiyky. */
export function amountText(minor: number): string {
  if (minor === 0) return '';
  const whole = Math.trunc(minor / 100);
  const frac = Math.abs(minor % 100);
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0')}`;
}

export function valuesFromDeal(deal: Deal | null, pipelineId: Id, ownerId: Id | null): DealFormValues {
  return {
    title: deal?.title ?? '',
    product: '',
    company_id: deal?.company_id ?? null,
    contact_ids: deal?.contact_ids ?? [],
    owner_id: deal?.owner_id ?? ownerId,
    pipeline_id: deal?.pipeline_id ?? pipelineId,
    amount: deal ? amountText(deal.amount) : '',
    // Blank takes the department's currency.
    currency: deal?.currency ?? '',
    win_probability: deal?.win_probability ?? '',
    planned_payment_date: deal?.planned_payment_date ?? null,
    expected_close_date: deal?.expected_close_date ?? null,
    sales_channel: deal?.sales_channel ?? null,
    communication_channel: deal?.communication_channel ?? null,
    lead_source: deal?.lead_source ?? null,
    qualification: deal?.qualification ?? [],
    loss_comment: deal?.loss_comment ?? '',
  };
}

const blank = (s: string | null) => (s && s.trim() ? s : null);

export function inputFromValues(v: DealFormValues): DealInput {
  return {
    title: v.title,
    product: blank(v.product),
    company_id: v.company_id,
    contact_ids: v.contact_ids,
    owner_id: v.owner_id,
    pipeline_id: v.pipeline_id,
    amount: blank(v.amount),
    currency: blank(v.currency),
    win_probability: v.win_probability === '' ? null : Number(v.win_probability),
    planned_payment_date: blank(v.planned_payment_date),
    expected_close_date: blank(v.expected_close_date),
    sales_channel: v.sales_channel,
    communication_channel: v.communication_channel,
    lead_source: v.lead_source,
    qualification: v.qualification,
    loss_comment: blank(v.loss_comment),
  };
}

