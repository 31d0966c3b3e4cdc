-- Voronka schema, PostgreSQL dialect. Twin of ../sqlite/0001_schema.sql: same tables and columns.
-- Times are UTC milliseconds since the epoch; dates are 'YYYY-MM-DD' text; money is integer minor
-- units; lists and small structures are JSON text; flags are 0/1.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    name TEXT NOT NULL,
    email TEXT,
    role TEXT NOT NULL CHECK (role IN ('manager', 'head', 'admin')),
    active BIGINT NOT NULL CHECK (active IN (0, 1)),
    time_zone TEXT NOT NULL,
    language TEXT NOT NULL
);

CREATE TABLE companies (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    name TEXT NOT NULL,
    legal_id TEXT,
    industry TEXT,
    city TEXT,
    address TEXT,
    website TEXT,
    work_phone TEXT,
    mobile_phone TEXT,
    email TEXT,
    currency TEXT NOT NULL,
    monthly_turnover BIGINT,
    net_profit BIGINT,
    employee_count BIGINT,
    lead_source TEXT,
    owner_id TEXT NOT NULL REFERENCES users (id),
    tags TEXT NOT NULL,
    notes TEXT,
    important_dates TEXT NOT NULL,
    name_key TEXT NOT NULL,
    city_key TEXT NOT NULL
);
CREATE INDEX companies_owner ON companies (owner_id, name);
CREATE INDEX companies_name ON companies (name);
CREATE INDEX companies_work_phone ON companies (work_phone) WHERE deleted_at IS NULL;
CREATE INDEX companies_mobile_phone ON companies (mobile_phone) WHERE deleted_at IS NULL;
CREATE INDEX companies_email ON companies (email) WHERE deleted_at IS NULL;
CREATE INDEX companies_legal_id ON companies (legal_id) WHERE deleted_at IS NULL;
CREATE INDEX companies_name_key ON companies (name_key, city_key) WHERE deleted_at IS NULL;

CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    full_name TEXT NOT NULL,
    position TEXT,
    company_id TEXT REFERENCES companies (id),
    phones TEXT NOT NULL,
    emails TEXT NOT NULL,
    messengers TEXT NOT NULL,
    address TEXT,
    birthday TEXT,
    important_dates TEXT NOT NULL,
    notes TEXT,
    owner_id TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX contacts_company ON contacts (company_id);
CREATE INDEX contacts_owner ON contacts (owner_id, full_name);
CREATE INDEX contacts_name ON contacts (full_name);

CREATE TABLE pipelines (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    is_default BIGINT NOT NULL CHECK (is_default IN (0, 1))
);

CREATE TABLE stages (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
    win_probability BIGINT NOT NULL CHECK (win_probability BETWEEN 0 AND 100),
    required_fields TEXT NOT NULL
);
CREATE INDEX stages_pipeline ON stages (pipeline_id, position);

CREATE TABLE loss_reasons (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    active BIGINT NOT NULL CHECK (active IN (0, 1))
);

CREATE TABLE deals (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    title TEXT NOT NULL,
    company_id TEXT REFERENCES companies (id),
    contact_ids TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES users (id),
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    win_probability BIGINT,
    planned_payment_date TEXT,
    expected_close_date TEXT,
    sales_channel TEXT,
    communication_channel TEXT,
    lead_source TEXT,
    qualification TEXT NOT NULL,
    loss_comment TEXT,
    stage_id TEXT NOT NULL REFERENCES stages (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    stage_entered_at BIGINT NOT NULL,
    loss_reason_id TEXT REFERENCES loss_reasons (id),
    closed_at BIGINT
);
CREATE INDEX deals_owner_stage ON deals (owner_id, stage_id, created_at);
CREATE INDEX deals_stage ON deals (stage_id, created_at);
CREATE INDEX deals_company ON deals (company_id);
CREATE INDEX deals_pipeline_status ON deals (pipeline_id, status);
CREATE INDEX deals_closed ON deals (closed_at) WHERE closed_at IS NOT NULL;

-- Which contacts take part in which deal; deals.contact_ids is the same list in the record.
CREATE TABLE deal_contacts (
    deal_id TEXT NOT NULL REFERENCES deals (id),
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    PRIMARY KEY (deal_id, contact_id)
);
CREATE INDEX deal_contacts_contact ON deal_contacts (contact_id);

CREATE TABLE stage_spells (
    id TEXT PRIMARY KEY,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    stage_id TEXT NOT NULL REFERENCES stages (id),
    entered_at BIGINT NOT NULL,
    left_at BIGINT,
    by_user_id TEXT REFERENCES users (id)
);
CREATE INDEX stage_spells_deal ON stage_spells (deal_id, entered_at);
CREATE INDEX stage_spells_stage ON stage_spells (stage_id, entered_at);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    name TEXT NOT NULL,
    sku TEXT,
    unit TEXT NOT NULL,
    price BIGINT NOT NULL,
    currency TEXT NOT NULL,
    stock DOUBLE PRECISION NOT NULL,
    lead_time_days BIGINT NOT NULL
);

CREATE TABLE deal_items (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    product_id TEXT REFERENCES products (id),
    name TEXT NOT NULL,
    quantity DOUBLE PRECISION NOT NULL,
    unit_price BIGINT NOT NULL,
    currency TEXT NOT NULL,
    discount_bp BIGINT NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000)
);
CREATE INDEX deal_items_deal ON deal_items (deal_id);

CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    planned_date TEXT NOT NULL,
    invoice_number TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'paid', 'cancelled')),
    paid_at BIGINT
);
CREATE INDEX payments_deal ON payments (deal_id);
CREATE INDEX payments_planned ON payments (planned_date, status);
CREATE INDEX payments_paid ON payments (paid_at) WHERE paid_at IS NOT NULL;

CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    deal_id TEXT REFERENCES deals (id),
    company_id TEXT REFERENCES companies (id),
    contact_id TEXT REFERENCES contacts (id),
    assignee_id TEXT NOT NULL REFERENCES users (id),
    due_at BIGINT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users (id),
    done_at BIGINT,
    result TEXT
);
CREATE INDEX tasks_assignee_open ON tasks (assignee_id, due_at) WHERE done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX tasks_due_open ON tasks (due_at) WHERE done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX tasks_deal ON tasks (deal_id);
CREATE INDEX tasks_company ON tasks (company_id);

CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    kind TEXT NOT NULL,
    deal_id TEXT REFERENCES deals (id),
    company_id TEXT REFERENCES companies (id),
    contact_id TEXT REFERENCES contacts (id),
    occurred_at BIGINT NOT NULL,
    body TEXT,
    details TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX activities_company ON activities (company_id, occurred_at);
CREATE INDEX activities_deal ON activities (deal_id, occurred_at);
CREATE INDEX activities_contact ON activities (contact_id, occurred_at);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    size_bytes BIGINT
);
CREATE INDEX documents_deal ON documents (deal_id);

CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    deleted_at BIGINT,
    user_id TEXT REFERENCES users (id),
    month TEXT NOT NULL,
    revenue_target BIGINT NOT NULL,
    currency TEXT NOT NULL,
    calls_target BIGINT NOT NULL,
    meetings_target BIGINT NOT NULL
);
CREATE UNIQUE INDEX plans_user_month ON plans (COALESCE(user_id, ''), month) WHERE deleted_at IS NULL;

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity_id, at);

-- Quick search: one row per company, contact and deal; `body` is lower-cased text with phone digits,
-- found by any fragment through a trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE search_index (
    entity_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX search_index_body ON search_index USING gin (body gin_trgm_ops);
