import { DEAL_FIELDS, DICTIONARY_KINDS, IMPORT_FIELDS, STAGE_KINDS, TASK_KINDS, TLS_MODES } from '../api/choices';
import type { ErrorCode } from '../api/types';
import en from './en.json';
import ru from './ru.json';
import uk from './uk.json';

type Tree = { [key: string]: string | Tree };

function flatKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatKeys(v, `${prefix}${k}.`)));
}

const keys = { en: flatKeys(en).sort(), uk: flatKeys(uk).sort(), ru: flatKeys(ru).sort() };
const known = new Set(keys.en);

// Every source file as text, to find the keys the code asks for.
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const ERROR_CODES: ErrorCode[] = [
  'invalid',
  'not_found',
  'conflict',
  'duplicate',
  'stage_requirements',
  'loss_reason_required',
  'result_not_meaningful',
  'reschedule_reason_required',
  'invalid_state',
  'schema_too_new',
  'unreachable',
  'wrong_password',
  'tls_required',
  'not_a_database',
  'folder_missing',
  'read_only',
  'busy',
  'migration_incomplete',
  'not_empty',
  'forbidden',
  'keychain',
  'storage',
  'file_too_large',
  'file_empty',
];

describe('translations', () => {
  it('have the same keys in Ukrainian, English and Russian', () => {
    expect(keys.uk).toEqual(keys.en);
    expect(keys.ru).toEqual(keys.en);
  });

  it('have no empty texts', () => {
    for (const lang of [en, uk, ru]) {
      const empty = flatKeys(lang).filter((k) => {
        const v = k.split('.').reduce<unknown>((node, part) => (node as Tree)[part], lang);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('cover every literal key the code asks for', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('cover every value of the dictionaries and codes the code translates by name', () => {
    const expected = [
      ...ERROR_CODES.map((c) => `errors.${c}`),
      ...TASK_KINDS.map((k) => `taskKind.${k}`),
      ...STAGE_KINDS.map((k) => `stageKind.${k}`),
      ...DEAL_FIELDS.map((f) => `dealField.${f}`),
      ...[...DICTIONARY_KINDS, 'loss_reason'].map((k) => `setup.dictionaries.${k}`),
      ...['general', 'pipelines', 'dictionaries', 'process', 'proposal', 'about'].map((x) => `setup.tabs.${x}`),
      ...['calls', 'meetings'].map((m) => `plans.${m}`),
      ...TLS_MODES.map((v) => `settings.tls.${v}`),
      ...['note', 'call', 'email', 'meeting', 'stage_change', 'task_result', 'document'].map((k) => `activityKind.${k}`),
      ...['open', 'won', 'lost'].map((s) => `dealStatus.${s}`),
      ...['planned', 'paid', 'cancelled'].map((s) => `paymentStatus.${s}`),
      ...['create', 'update', 'delete', 'restore'].map((a) => `audit.action.${a}`),
      ...['company', 'contact', 'deal'].map((k) => `search.kind.${k}`),
      ...['overdue', 'today', 'tomorrow', 'later'].map((g) => `today.${g}`),
      ...['call', 'email', 'meeting', 'note'].map((k) => `timeline.log.${k}`),
      ...['sqlite', 'postgres'].map((b) => `settings.backend.${b}`),
      ...['uk', 'en', 'ru'].map((l) => `languages.${l}`),
      ...IMPORT_FIELDS.map((f) => `importField.${f}`),
      ...['companies', 'contacts', 'deals'].map((k) => `import.title.${k}`),
      ...['file', 'mapping', 'options', 'preview', 'run'].map((s) => `import.steps.${s}`),
      ...['skip', 'update', 'refuse'].map((p) => `import.policy.${p}`),
      ...['new', 'updated', 'skipped', 'refused'].map((s) => `import.status.${s}`),
      ...['rows', 'new', 'duplicates', 'updated', 'skipped', 'refused'].map((k) => `import.totals.${k}`),
    ];
    expect(expected.filter((k) => !known.has(k))).toEqual([]);
  });
});
