// Runs Mozilla's add-ons linter (web-ext lint) on the Firefox build and fails on any error, and on
// any warning that is not one of those explained in the README ("Firefox linter warnings").
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SOURCE = '.output/firefox-mv3';

interface Message {
  code: string;
  file?: string;
  message: string;
}

/** Warnings that remain on purpose, each explained in the README. */
const EXPLAINED: Array<{ code: string; file: RegExp; why: string }> = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // The UI chunk the pages share is the popup's file (popup-<hash>.js, wxt.config.ts); a bundler
    // may name a chunk after one of its modules, with a dot (hooks.module-<hash>.js): any file
    // directly under chunks/.
    file: /^chunks\/[\w.-]+\.js$/,
    why: "Preact's renderer assigns innerHTML only for dangerouslySetInnerHTML, which lint forbids us to use",
  },
];

if (!existsSync(`${SOURCE}/manifest.json`)) {
  console.error(`No Firefox build in ${SOURCE}: run npm run build:firefox first.`);
  process.exit(1);
}
const bin = process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext';
let output: string;
try {
  output = execFileSync(bin, ['lint', '--source-dir', SOURCE, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (error) {
  // web-ext exits non-zero when there are errors; its JSON report is still on stdout.
  output = String((error as { stdout?: unknown }).stdout ?? '');
}
const report = JSON.parse(output) as { errors: Message[]; warnings: Message[]; notices: Message[] };
const unexplained = report.warnings.filter(
  (w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '')),
);
for (const m of report.errors) console.log(`error    ${m.code} ${m.file ?? ''}: ${m.message}`);
for (const m of unexplained)
  console.log(`warning  ${m.code} ${m.file ?? ''}: ${m.message} (not explained in the README)`);
for (const m of report.warnings.filter((w) => !unexplained.includes(w))) {
  const why = EXPLAINED.find((e) => e.code === m.code)?.why ?? '';
  console.log(`explained warning ${m.code} ${m.file ?? ''}: ${why}`);
}
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexplained.length} unexplained), ${report.notices.length} notices`,
);
process.exit(report.errors.length > 0 || unexplained.length > 0 ? 1 : 0);
