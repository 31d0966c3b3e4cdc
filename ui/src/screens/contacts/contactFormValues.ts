import type { Contact, ContactInput, Id, ImportantDate, Messenger } from '../../api/types';

export interface ContactFormValues {
  full_name: string;
  position: string;
  company_id: Id | null;
  phones: string[];
  emails: string[];
  messengers: Messenger[];
  address: string;
  birthday: string | null;
  important_dates: ImportantDate[];
  notes: string;
  owner_id: Id | null;
}

export function valuesFromContact(c: Contact | null, ownerId: Id | null, companyId: Id | null = null): ContactFormValues {
  return {
    full_name: c?.full_name ?? '',
    position: c?.position ?? '',
    company_id: c ? c.company_id : companyId,
    phones: c?.phones ?? [],
    emails: c?.emails ?? [],
    messengers: c?.messengers ?? [],
    address: c?.address ?? '',
    birthday: c?.birthday ?? null,
    important_dates: c?.important_dates ?? [],
    notes: c?.notes ?? '',
    owner_id: c?.owner_id ?? ownerId,
  };
}

const opt = (v: string | null) => (v && v.trim() ? v : null);

export function inputFromValues(v: ContactFormValues): ContactInput {
  return {
    full_name: v.full_name,
    position: opt(v.position),
    company_id: v.company_id,
    phones: v.phones,
    emails: v.emails,
    messengers: v.messengers,
    address: opt(v.address),
    birthday: opt(v.birthday),
    important_dates: v.important_dates,
    notes: opt(v.notes),
    owner_id: v.owner_id,
  };
}
