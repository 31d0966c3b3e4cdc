// The fixed kinds of the core, exported with the bindings: what a form lists comes from Rust,
// never from a copy here. The department's own dictionaries (lead sources, channels,
// industries, call outcomes) are read from the database (./setup.ts).
export {
  DEAL_FIELDS,
  DICTIONARY_KINDS,
  IMPORT_FIELDS,
  PLANNABLE_TASK_KINDS,
  STAGE_KINDS,
  TASK_KINDS,
  TITLE_PLACEHOLDERS,
  TLS_MODES,
} from '../bindings';
