// Where a thread's time went in a window of a Chromium trace (the JSON of CDP tracing): how long
// it was busy with tasks, and the self time of each kind of work (script, style, layout, paint,
// garbage collection…) inside them. Pure: the trace is read elsewhere (trace.ts).
// Runs under plain `node`: erasable TypeScript only.

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  /** µs, the trace's own clock. */
  ts: number;
  /** µs, for complete ('X') events. */
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; labels?: string; data?: Record<string, unknown> };
}

export interface ThreadName {
  pid: number;
  tid: number;
  /** e.g. "Renderer / CrRendererMain". */
  label: string;
}

/** A top-level task: what a thread's message loop runs; its time is the thread's busy time. */
const TASK = /^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask)$/;

/** Every thread the trace names, "process / thread" (a renderer's labels are added when given). */
export function threadNames(events: readonly TraceEvent[]): ThreadName[] {
  const processes = new Map<number, string>();
  const labels = new Map<number, string>();
  const threads = new Map<string, ThreadName>();
  for (const event of events) {
    if (event.ph !== 'M') continue;
    if (event.name === 'process_name') processes.set(event.pid, event.args?.name ?? '');
    if (event.name === 'process_labels') labels.set(event.pid, event.args?.labels ?? '');
  }
  for (const event of events) {
    if (event.ph !== 'M' || event.name !== 'thread_name') continue;
    const process = [processes.get(event.pid) ?? `pid ${event.pid}`, labels.get(event.pid)].filter(Boolean).join(' ');
    threads.set(`${event.pid}:${event.tid}`, {
      pid: event.pid,
      tid: event.tid,
      label: `${process} / ${event.args?.name ?? `tid ${event.tid}`}`,
    });
  }
  return [...threads.values()];
}

export interface Window {
  /** µs, trace clock. */
  from: number;
  to: number;
}

/** The part of [start, end] inside the window, in µs (0 when none). */
function clipped(start: number, end: number, { from, to }: Window): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

/**
 * How long the thread ran tasks within the window, in ms: the union of its task events (a task
 * of the message loop holds the task it runs, so the two must not both count).
 */
export function busyMs(events: readonly TraceEvent[], thread: { pid: number; tid: number }, window: Window): number {
  const tasks = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && TASK.test(e.name))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let reached = -Infinity;
  for (const [start, end] of tasks) {
    if (end <= reached) continue;
    busy += clipped(Math.max(start, reached), end, window);
    reached = end;
  }
  return busy / 1000;
}

/** The kind of work a trace event name stands for, for a summary a person can read. */
export function kindOf(name: string): string {
  if (/GC|Sweep|Scaveng|Marking/i.test(name)) return 'garbage collection';
  if (/compile|Deserialize|PerIsolateData|ParseHTML|ParseAuthorStyleSheet|EvaluateScript|v8\.run/i.test(name))
    return 'loading script';
  if (/callFunction|FunctionCall|TimerFire|EventDispatch|FireAnimationFrame|Microtask|v8\.execute/i.test(name))
    return 'script';
  if (/mojo|SimpleWatcher|Epoll/i.test(name)) return 'messages (and script run by them)';
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles') return 'style';
  if (name === 'Layout') return 'layout';
  if (/Paint|Layerize|Commit|UpdateLayer|Raster|Composite|HitTest|TaskGraph/.test(name)) return 'paint';
  if (TASK.test(name)) return 'task, other';
  return 'other';
}

/** Self times added up by kind of work (kindOf). */
export function byKind(times: Map<string, number>): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const [name, ms] of times) kinds.set(kindOf(name), (kinds.get(kindOf(name)) ?? 0) + ms);
  return kinds;
}

/**
 * The self time (ms) of each event name on the thread within the window: an event's time less
 * that of the events nested in it, so that the names add up to the busy time (the tasks' own
 * overhead shows under the task's name). Complete ('X') events only.
 */
export function selfTimes(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  window: Window,
): Map<string, number> {
  const mine = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.ts < window.to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const event of mine) {
    const end = event.ts + (event.dur ?? 0);
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= event.ts) stack.pop();
    const inside = clipped(event.ts, end, window);
    const parent = stack.at(-1);
    if (parent && end <= parent.end) self.set(parent.name, (self.get(parent.name) ?? 0) - inside);
    self.set(event.name, (self.get(event.name) ?? 0) + inside);
    stack.push({ end, name: event.name });
  }
  return new Map([...self].map(([name, us]) => [name, us / 1000] as const).filter(([, ms]) => ms > 0));
}

/** The names with the most self time, largest first: "Layout 3.1, FunctionCall 2.0". */
export function topSelf(times: Map<string, number>, count = 6): string {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ');
}

/** Adds per-window self times into one map, divided by the number of windows (a mean per window). */
export function meanTimes(perWindow: Map<string, number>[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const times of perWindow) for (const [name, ms] of times) sum.set(name, (sum.get(name) ?? 0) + ms);
  return new Map([...sum].map(([name, ms]) => [name, ms / Math.max(1, perWindow.length)]));
}

/** The trace timestamps (µs) of every user-timing mark of this name, by process and thread. */
export function marks(events: readonly TraceEvent[], name: string): TraceEvent[] {
  return events.filter((e) => e.name === name && e.cat.includes('user_timing') && e.ph !== 'M');
}
