// A team database on the test PostgreSQL, made by the CLI as `team init` does for an admin,
// and dropped with its logins when the scenario ends.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './paths.mjs';

const TARGET = process.env.CARGO_TARGET_DIR || join(REPO, 'target');
export const CLI = join(TARGET, 'debug/voronka-cli');
const SERVER = process.env.VORONKA_TEST_PG ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** Why the team scenarios cannot run here, or null. */
export function teamSkip() {
  if (!existsSync(CLI)) return `${CLI} is missing (make e2e builds it)`;
  try {
    execFileSync('psql', [SERVER, '-tAc', 'SELECT 1'], { stdio: 'pipe' });
  } catch (e) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL at ${SERVER} is required in CI: ${e.message}`);
    return `PostgreSQL at ${SERVER} is unreachable`;
  }
  return null;
}

const sql = (db, text) => execFileSync('psql', [db, '-tAc', text], { encoding: 'utf8' }).trim();

/** A new team database with its first admin; returns where it is and a way to add teammates. */
export function teamDatabase(name) {
  const database = `voronka_e2e_${name}_${Date.now()}`;
  const url = SERVER.replace(/\/[^/]*$/, `/${database}`);
  const cli = (...args) => JSON.parse(execFileSync(CLI, ['--db', url, 'team', ...args, '--json'], { encoding: 'utf8' }));
  const tag = Date.now().toString(36);
  const admin = cli('init', '--name', 'Ірина Адмін', '--email', `iryna.${tag}@firm.ua`);
  return {
    admin,
    /** A teammate's card, made with the schema owner's credentials. */
    addUser: (userName, email, role) => cli('add-user', '--name', userName, '--email', email, '--role', role),
    /** The URL a teammate's desktop opens with their card. */
    urlOf: (card, password = card.password) =>
      `postgres://${card.login}:${encodeURIComponent(password)}@${card.host}:${card.port}/${card.database}?sslmode=disable`,
    drop() {
      const logins = sql(url, 'SELECT login FROM users WHERE login IS NOT NULL').split('\n').filter(Boolean);
      sql(SERVER, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      for (const role of [...logins, `${database}_owner`]) sql(SERVER, `DROP ROLE IF EXISTS "${role}"`);
    },
  };
}
