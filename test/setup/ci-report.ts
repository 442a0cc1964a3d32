// Every vitest run (unit, build, browser) also writes vitest's own JSON report when .ci/run asks
// for it with VITEST_REPORT_DIR: CI's closing count is summed from those files, not read off the
// console.
import { join } from 'node:path';

export function ciReport(run: string): { reporters?: string[]; outputFile?: { json: string } } {
  const dir = process.env.VITEST_REPORT_DIR;
  if (!dir) return {};
  return { reporters: ['default', 'json'], outputFile: { json: join(dir, `${run}.json`) } };
}
