// node test/mock-api/cli.ts [--port 8787]
// Starts the mock ModelGates API, prints what a person needs to point the extension at it, and
// stays up until Ctrl-C.
import { parseArgs } from 'node:util';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from './samples.ts';
import { startMockApi } from './server.ts';

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${text}"`);
  }
  return port;
}

function table(rows: Record<string, string>): string {
  const width = Math.max(...Object.keys(rows).map((name) => name.length));
  return Object.entries(rows)
    .map(([name, hash]) => `  ${name.padEnd(width)}  ${hash}`)
    .join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' } } });
  const api = await startMockApi({ port: parsePort(values.port) });

  console.log(`ModelGates mock API
  base URL        ${api.baseUrl}
  management key  ${MOCK_MANAGEMENT_KEY}
  redirect target ${api.elsewhereOrigin}

Sample keys (200):
${table(SAMPLE_HASHES)}

Faults:
${table(FAULT_HASHES)}

Not found (404):
${table({ unknown: UNKNOWN_HASH })}

Ctrl-C to stop.`);

  const stop = (signal: string): void => {
    console.log(`\n${signal}: closing`);
    api.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
