import type { Company, CompanyInput, Id, ImportantDate } from '../../api/types';

export interface CompanyFormValues {
  name: string;
  legal_id: string;
  industry: string | null;
  city: string;
  address: string;
  website: string;
  work_phone: string;
  mobile_phone: string;
  email: string;
  currency: string;
  /** Whole currency units as typed; the store keeps minor units. */
  monthly_turnover: number | string;
  net_profit: number | string;
  employee_count: number | string;
  lead_source: string | null;
  owner_id: Id | null;
  tags: string[];
  notes: string;
  important_dates: ImportantDate[];
}

const text = (v: string | null | undefined) => v ?? '';
const major = (minor: number | null) => (minor == null ? '' : minor / 100);

export function valuesFromCompany(c: Company | null, ownerId: Id | null): CompanyFormValues {
  return {
    name: text(c?.name),
    legal_id: text(c?.legal_id),
    industry: c?.industry ?? null,
    city: text(c?.city),
    address: text(c?.address),
    website: text(c?.website),
    work_phone: text(c?.work_phone),
    mobile_phone: text(c?.mobile_phone),
    email: text(c?.email),
    currency: c?.currency ?? 'UAH',
    monthly_turnover: major(c?.monthly_turnover ?? null),
    net_profit: major(c?.net_profit ?? null),
    employee_count: c?.employee_count ?? '',
    lead_source: c?.lead_source ?? null,
    owner_id: c?.owner_id ?? ownerId,
    tags: c?.tags ?? [],
    notes: text(c?.notes),
    important_dates: c?.important_dates ?? [],
  };
}

const opt = (v: string) => (v.trim() ? v : null);
const minor = (v: number | string) => (v === '' ? null : Math.round(Number(v) * 100));

export function inputFromValues(v: CompanyFormValues): CompanyInput {
  return {
    name: v.name,
    legal_id: opt(v.legal_id),
    industry: v.industry,
    city: opt(v.city),
    address: opt(v.address),
    website: opt(v.website),
    work_phone: opt(v.work_phone),
    mobile_phone: opt(v.mobile_phone),
    email: opt(v.email),
    currency: opt(v.currency),
    monthly_turnover: minor(v.monthly_turnover),
    net_profit: minor(v.net_profit),
    employee_count: v.employee_count === '' ? null : Math.round(Number(v.employee_count)),
    lead_source: v.lead_source,
    owner_id: v.owner_id,
    tags: v.tags,
    notes: opt(v.notes),
    important_dates: v.important_dates,
  };
}
