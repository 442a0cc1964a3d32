// The cold worker's floor for a worker with our features: the reference extension's worker
// carrying our worker's whole script (compiled, never run) and registering the listeners ours
// registers as it starts, doing nothing else. MV3 gives a service worker no later import() and
// wants every listener registered in its first turn, so any worker with our features pays at
// least this when a lookup wakes it. The script is only pre-parsed here, inside a function never
// called, where ours compiles its top level in full: the floor is lower than carrying it for real.
// Runs under plain `node`: erasable TypeScript only.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REFERENCE_WORKER } from './messages.ts';

/** The carrying worker's script: not the reference's name, so the bench tells the two apart. */
export const CARRYING_WORKER = 'carrying-worker.js';

/**
 * What the floor carries besides the listeners: our worker's script (the floor of the cold rows),
 * or nothing (`BENCH_FLOOR=listeners`), which splits that floor into what the listeners cost and
 * what loading our script adds.
 */
export type Carried = 'script' | 'listeners';

/** `BENCH_FLOOR`, checked: `script` when unset. */
export function carriedFrom(value: string | undefined): Carried {
  if (value === undefined || value === '' || value === 'script') return 'script';
  if (value === 'listeners') return 'listeners';
  throw new Error(`BENCH_FLOOR is "${value}"; it is "script" (the default) or "listeners"`);
}

/** The floor as the table names it. */
export const FLOOR_WORDS: Readonly<Record<Carried, string>> = {
  script: 'the reference carrying our worker’s whole script (pre-parsed, never run) and registering the same listeners',
  listeners: 'the reference registering the same listeners, carrying none of our script (BENCH_FLOOR=listeners)',
};

/**
 * The events our worker listens to from its first turn, with how many listeners each
 * (entrypoints/background.ts and what it wires; notifications' only once the permission is
 * granted, which the bench never does). The bench checks the set against our running worker's.
 * The reference's own runtime.onMessage listener stands for ours.
 */
export const STARTUP_LISTENERS: Readonly<Record<string, number>> = {
  'contextMenus.onClicked': 2,
  'omnibox.onInputStarted': 2,
  'omnibox.onInputChanged': 1,
  'omnibox.onInputCancelled': 1,
  'omnibox.onInputEntered': 1,
  'runtime.onInstalled': 1,
  'runtime.onConnect': 1,
  'commands.onCommand': 1,
  'alarms.onAlarm': 2,
  'idle.onStateChanged': 1,
  'storage.onChanged': 1,
};

/** What the listened-to events need in the manifest, as ours has them. */
const MANIFEST_NEEDS = {
  permissions: ['contextMenus', 'alarms', 'idle'],
  omnibox: { keyword: 'mg-floor' },
  // Without a command of its own, an extension has no `commands` API at all.
  commands: { 'open-side-panel': { description: 'Stands for ours' } },
};

/** The registrations, each with a listener that does nothing. */
function registrations(): string {
  const lines = Object.entries(STARTUP_LISTENERS).flatMap(([event, count]) =>
    Array.from({ length: count }, () => `api.${event}.addListener(() => {});`),
  );
  return `(() => {\nconst api = globalThis.browser ?? globalThis.chrome;\n${lines.join('\n')}\n})();\n`;
}

/**
 * Turns a copy of the reference extension in `dir` (not yet probed) into the carrying floor:
 * its worker followed by our worker's script (`ourWorker`, the shipped build's) in a function
 * never called (or nothing, when it carries only the listeners), then the listener registrations;
 * the manifest names the new script and asks for what those events need.
 */
export async function makeCarrying(dir: string, ourWorker: string, carry: Carried = 'script'): Promise<void> {
  const reference = await readFile(join(dir, REFERENCE_WORKER), 'utf8');
  const script = carry === 'script' ? await readFile(ourWorker, 'utf8') : '';
  const carried = `function carriedWorkerScript() {\n${script}\n}\n`;
  await writeFile(join(dir, CARRYING_WORKER), `${reference}\n${carried}${registrations()}`);
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { permissions?: string[]; name: string };
  await writeFile(
    path,
    JSON.stringify({
      ...manifest,
      name: 'Bench floor: the reference carrying our worker',
      permissions: [...(manifest.permissions ?? []), ...MANIFEST_NEEDS.permissions],
      omnibox: MANIFEST_NEEDS.omnibox,
      commands: MANIFEST_NEEDS.commands,
      background: { service_worker: CARRYING_WORKER },
    }),
  );
}

/**
 * The events with a listener in a worker, as `namespace.event` (run in the worker: it must not
 * refer to anything outside itself). Looks at every namespace the worker can reach.
 */
export function listenedEvents(api: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const namespace of Object.keys(api)) {
    const members = api[namespace];
    if (typeof members !== 'object' || members === null) continue;
    for (const name of Object.keys(members)) {
      const event = (members as Record<string, { hasListeners?: () => boolean } | null>)[name];
      if (typeof event?.hasListeners === 'function' && event.hasListeners()) found.push(`${namespace}.${name}`);
    }
  }
  return found.sort();
}
