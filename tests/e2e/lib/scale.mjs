// The large demo database the start-up measurement opens: made once, kept under target/e2e.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { OUT } from './paths.mjs';

export const SCALE_DEALS = 100_000;
export const SCALE_DB = join(OUT, `scale-${SCALE_DEALS}.db`);

/**
 * The active manager with the most open tasks: the heaviest Today screen the data has.
 * Read with Python's sqlite3, which every machine that builds the app has and Node 20 lacks.
 */
export function busiestManager(db = SCALE_DB) {
  const script = `
import json, sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
row = c.execute("""
  select u.name, count(*) from users u join tasks t on t.assignee_id = u.id
  where u.role = 'manager' and u.active = 1 and t.done_at is null and t.deleted_at is null
  group by u.id order by count(*) desc limit 1""").fetchone()
print(json.dumps({'name': row[0], 'openTasks': row[1]}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, db], { encoding: 'utf8' }));
}
