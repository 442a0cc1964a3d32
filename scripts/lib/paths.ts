// Where the project and its builds are, for the scripts and the build checks (test/build/).
// Runs under plain `node`: erasable TypeScript only.
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD_DIR = join(PROJECT_ROOT, '.output/firefox-mv3');
