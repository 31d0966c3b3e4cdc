-- Setting a department up (DOMAIN.md "Setting up a department"): archived pipelines and stages,
-- the department's own dictionaries, and its process settings.
--
-- An archived pipeline or stage takes no new deals or moves, and stays on old records and in
-- reports.
ALTER TABLE pipelines ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE stages ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

-- Lead sources, sales and communication channels, industries and call outcomes. Records keep an
-- entry's `code`, which never changes: the defaults' codes are the values records held before
-- (`lead_source = 'site'`), a new entry's is its id.
CREATE TABLE dictionary_entries (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    deleted_at INTEGER,
    dictionary TEXT NOT NULL
        CHECK (dictionary IN ('lead_source', 'sales_channel', 'communication_channel', 'industry', 'call_outcome')),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX dictionary_entries_code ON dictionary_entries (dictionary, code);

-- How the department works: one row (`singleton`), made when the admin first saves the
-- settings; until then the store uses the core's defaults.
CREATE TABLE process_settings (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    deleted_at INTEGER,
    singleton INTEGER NOT NULL UNIQUE CHECK (singleton = 1),
    title_template TEXT NOT NULL,
    lead_response_minutes INTEGER NOT NULL,
    stuck_days INTEGER NOT NULL,
    idle_days INTEGER NOT NULL,
    working_days TEXT NOT NULL,
    holidays TEXT NOT NULL,
    default_currency TEXT NOT NULL
);

-- A database made before the dictionaries were kept in it gets the defaults, in Ukrainian, with
-- the codes its records already hold; their ids are UUIDv7 of this moment (voronka_core's `dictionary_defaults`, which a test of the
-- store holds to this list). A new, empty database gets them from whoever sets it up, in their
-- language.
WITH d (dictionary, code, name, position) AS (VALUES
    ('lead_source', 'site', 'Сайт', 0),
    ('lead_source', 'landing', 'Лендинг', 1),
    ('lead_source', 'phone', 'Телефон', 2),
    ('lead_source', 'email', 'Email', 3),
    ('lead_source', 'messenger', 'Месенджер', 4),
    ('lead_source', 'referral', 'Рекомендація', 5),
    ('lead_source', 'import', 'Імпорт', 6),
    ('lead_source', 'exhibition', 'Виставка', 7),
    ('lead_source', 'cold', 'Холодний контакт', 8),
    ('lead_source', 'other', 'Інше', 9),
    ('sales_channel', 'direct', 'Прямі продажі', 0),
    ('sales_channel', 'dealer', 'Дилер', 1),
    ('sales_channel', 'marketplace', 'Маркетплейс', 2),
    ('sales_channel', 'tender', 'Тендер', 3),
    ('sales_channel', 'online', 'Онлайн', 4),
    ('sales_channel', 'other', 'Інше', 5),
    ('communication_channel', 'phone', 'Телефон', 0),
    ('communication_channel', 'email', 'Email', 1),
    ('communication_channel', 'messenger', 'Месенджер', 2),
    ('communication_channel', 'meeting', 'Зустріч', 3),
    ('communication_channel', 'video', 'Відеодзвінок', 4),
    ('communication_channel', 'other', 'Інше', 5),
    ('industry', 'construction', 'Будівництво', 0),
    ('industry', 'roofing', 'Покрівельні роботи', 1),
    ('industry', 'building_materials', 'Торгівля будматеріалами', 2),
    ('industry', 'development', 'Девелопмент', 3),
    ('industry', 'windows_doors', 'Монтаж вікон і дверей', 4),
    ('industry', 'renovation', 'Ремонт та оздоблення', 5),
    ('industry', 'agro', 'Агробізнес', 6),
    ('industry', 'manufacturing', 'Виробництво', 7),
    ('industry', 'logistics', 'Логістика та склади', 8),
    ('industry', 'metal_structures', 'Металоконструкції', 9),
    ('industry', 'private_construction', 'Приватна забудова', 10),
    ('industry', 'retail', 'Роздрібна торгівля', 11),
    ('industry', 'services', 'Послуги', 12),
    ('industry', 'other', 'Інше', 13),
    ('call_outcome', 'reached', 'Додзвонилися', 0),
    ('call_outcome', 'no_answer', 'Не відповідає', 1),
    ('call_outcome', 'busy', 'Зайнято', 2),
    ('call_outcome', 'voicemail', 'Автовідповідач', 3)
), t (ms) AS (SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
INSERT INTO dictionary_entries (id, created_at, updated_at, version, deleted_at, dictionary, code, name, position, active)
SELECT printf('%08x-%04x-7%03x-%04x-%012llx', t.ms >> 16, t.ms & 65535, random() & 4095,
    32768 + (random() & 16383), random() & 281474976710655), t.ms, t.ms, 1, NULL, d.dictionary, d.code, d.name, d.position, 1
FROM d, t
WHERE EXISTS (SELECT 1 FROM users);

-- Industries typed by hand that are one of the defaults now name its entry.
UPDATE companies SET industry = (SELECT e.code FROM dictionary_entries e
        WHERE e.dictionary = 'industry' AND e.name = companies.industry)
    WHERE industry IN (SELECT e.name FROM dictionary_entries e WHERE e.dictionary = 'industry');
