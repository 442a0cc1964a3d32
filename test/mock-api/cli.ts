// node test/mock-api/cli.ts [--port 8787] [--accounts 2]
// Starts the mock ModelGates API, prints what a person needs to point the extension at it, and
// stays up until Ctrl-C. With --accounts 2 it runs two accounts ("Production" and "Staging") on
// consecutive ports, each with its own management key and its own keys.
import { parseArgs } from 'node:util';
import { MOCK_ACCOUNTS, startMockAccounts } from './accounts.ts';
import { FAULT_HASHES, SAMPLE_HASHES, UNKNOWN_HASH } from './samples.ts';
import { startMockApi, type MockApi } from './server.ts';

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${text}"`);
  }
  return port;
}

function parseAccounts(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > MOCK_ACCOUNTS.length) {
    throw new Error(`--accounts must be from 1 to ${MOCK_ACCOUNTS.length}, got "${text}"`);
  }
  return count;
}

function table(rows: Record<string, string>): string {
  const width = Math.max(...Object.keys(rows).map((name) => name.length));
  return Object.entries(rows)
    .map(([name, hash]) => `  ${name.padEnd(width)}  ${hash}`)
    .join('\n');
}

function describeAccount(api: MockApi, name: string): string {
  const held = (hashes: Record<string, string>) =>
    Object.fromEntries(Object.entries(hashes).filter(([, hash]) => api.holds.has(hash)));
  const samples = held(SAMPLE_HASHES);
  const faults = held(FAULT_HASHES);
  return `${name}
  base URL        ${api.baseUrl}
  management key  ${api.managementKey}
  redirect target ${api.elsewhereOrigin}
${Object.keys(samples).length > 0 ? `\nSample keys (200):\n${table(samples)}\n` : ''}${
    Object.keys(faults).length > 0 ? `\nFaults:\n${table(faults)}\n` : ''
  }`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8787' }, accounts: { type: 'string', default: '1' } },
  });
  const port = parsePort(values.port);
  const count = parseAccounts(values.accounts);
  // One account is the API as it always was: every sample and fault, one key.
  const apis =
    count === 1
      ? [{ api: await startMockApi({ port }), name: 'ModelGates mock API' }]
      : (await startMockAccounts(MOCK_ACCOUNTS.slice(0, count), { firstPort: port })).map((api) => ({
          api,
          name: `ModelGates mock API, account "${api.name}"`,
        }));

  console.log(`${apis.map(({ api, name }) => describeAccount(api, name)).join('\n')}
Not found (404):
${table({ unknown: UNKNOWN_HASH })}

Ctrl-C to stop.`);

  const stop = (signal: string): void => {
    console.log(`\n${signal}: closing`);
    Promise.all(apis.map(({ api }) => api.close())).then(
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
