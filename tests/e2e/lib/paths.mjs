import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Screenshots, the large demo database and the logs of failed scenarios. */
export const OUT = join(REPO, 'target/e2e');
