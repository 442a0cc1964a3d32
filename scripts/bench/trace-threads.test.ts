import { describe, expect, it } from 'vitest';
import {
  busyMs,
  byKind,
  kindOf,
  marks,
  meanTimes,
  selfTimes,
  threadNames,
  topSelf,
  type TraceEvent,
} from './trace-threads.ts';

const X = (name: string, ts: number, dur: number, tid = 1, cat = 'devtools.timeline'): TraceEvent => ({
  name,
  cat,
  ph: 'X',
  ts,
  dur,
  pid: 10,
  tid,
});
const thread = { pid: 10, tid: 1 };

describe('threadNames', () => {
  it('names each thread "process labels / thread"', () => {
    const events: TraceEvent[] = [
      { name: 'process_name', cat: '__metadata', ph: 'M', ts: 0, pid: 10, tid: 0, args: { name: 'Renderer' } },
      { name: 'process_labels', cat: '__metadata', ph: 'M', ts: 0, pid: 10, tid: 0, args: { labels: 'Popup' } },
      { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 10, tid: 1, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 11, tid: 5, args: { name: 'CrBrowserMain' } },
    ];
    expect(threadNames(events)).toEqual([
      { pid: 10, tid: 1, label: 'Renderer Popup / CrRendererMain' },
      { pid: 11, tid: 5, label: 'pid 11 / CrBrowserMain' },
    ]);
  });
});

describe('busyMs', () => {
  it('sums the top-level tasks of the thread, clipped to the window', () => {
    const events = [
      X('ThreadControllerImpl::RunTask', 0, 2000, 1, 'toplevel'),
      X('ThreadControllerImpl::RunTask', 5000, 3000, 1, 'toplevel'),
      // Another thread's task, and an event that is not a task.
      X('ThreadControllerImpl::RunTask', 0, 9000, 2, 'toplevel'),
      X('Layout', 5000, 1000),
    ];
    expect(busyMs(events, thread, { from: 1000, to: 7000 })).toBe(3);
  });

  it('counts a task nested in another task once', () => {
    const events = [X('ThreadControllerImpl::RunTask', 0, 4000), X('RunTask', 1000, 2000), X('RunTask', 3000, 3000)];
    expect(busyMs(events, thread, { from: 0, to: 10_000 })).toBe(6);
  });
});

describe('kindOf and byKind', () => {
  it.each([
    ['v8.callFunction', 'script'],
    ['TimerFire', 'script'],
    ['V8.GC_MC_INCREMENTAL', 'garbage collection'],
    ['v8.compile', 'loading script'],
    ['Receive mojo message', 'messages (and script run by them)'],
    ['UpdateLayoutTree', 'style'],
    ['Layout', 'layout'],
    ['PrePaint', 'paint'],
    ['ThreadControllerImpl::RunTask', 'task, other'],
  ])('%s is %s', (name, kind) => {
    expect(kindOf(name)).toBe(kind);
  });

  it('adds self times up by kind', () => {
    const kinds = byKind(
      new Map([
        ['Paint', 2],
        ['PrePaint', 1],
        ['Layout', 3],
      ]),
    );
    expect(Object.fromEntries(kinds)).toEqual({ paint: 3, layout: 3 });
  });
});

describe('selfTimes', () => {
  it('gives each name its own time, less what is nested in it, within the window', () => {
    const events = [
      X('RunTask', 0, 10_000),
      X('FunctionCall', 1000, 6000),
      X('Layout', 2000, 2000),
      X('Paint', 8000, 1000),
      // Outside the window.
      X('Paint', 20_000, 1000),
    ];
    const times = selfTimes(events, thread, { from: 0, to: 10_000 });
    expect(Object.fromEntries(times)).toEqual({ RunTask: 3, FunctionCall: 4, Layout: 2, Paint: 1 });
  });

  it('counts only the part of an event inside the window', () => {
    const times = selfTimes([X('RunTask', 0, 10_000), X('Layout', 4000, 4000)], thread, { from: 6000, to: 9000 });
    expect(Object.fromEntries(times)).toEqual({ RunTask: 1, Layout: 2 });
  });
});

describe('topSelf and meanTimes', () => {
  it('lists the largest first, and averages maps over windows', () => {
    const mean = meanTimes([
      new Map([['Layout', 2]]),
      new Map([
        ['Layout', 4],
        ['Paint', 2],
      ]),
    ]);
    expect(Object.fromEntries(mean)).toEqual({ Layout: 3, Paint: 1 });
    expect(topSelf(mean, 1)).toBe('Layout 3.0');
  });
});

describe('marks', () => {
  it('finds user-timing marks by name', () => {
    const mark: TraceEvent = { name: 'bench:enter', cat: 'blink.user_timing', ph: 'R', ts: 5, pid: 10, tid: 1 };
    expect(marks([mark, X('bench:enter', 1, 1)], 'bench:enter')).toEqual([mark]);
  });
});
