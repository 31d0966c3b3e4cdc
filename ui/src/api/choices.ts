// The dictionaries the Rust model accepts (crates/voronka-core/src/model/fields.rs); the
// server checks every value, these only fill the pickers.
export const LEAD_SOURCES = [
  'site',
  'landing',
  'phone',
  'email',
  'messenger',
  'referral',
  'import',
  'exhibition',
  'cold',
  'other',
] as const;
export const SALES_CHANNELS = ['direct', 'dealer', 'marketplace', 'tender', 'online', 'other'] as const;
export const COMMUNICATION_CHANNELS = ['phone', 'email', 'messenger', 'meeting', 'video', 'other'] as const;
export const TASK_KINDS = ['call', 'meeting', 'email', 'proposal', 'contact_lead', 'review_lost', 'other'] as const;
export const CALL_OUTCOMES = ['reached', 'no_answer', 'busy', 'voicemail'] as const;
// The TLS modes are the core's (`TlsMode::ALL`), exported with the bindings.
export { TLS_MODES } from '../bindings';
