// Where the built extension is, for the drivers and the scripts that launch a browser.
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD_DIR = join(PROJECT_ROOT, '.output/firefox-mv3');
