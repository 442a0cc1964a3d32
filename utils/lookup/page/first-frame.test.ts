import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstFrame, FIRST_FRAME_LIMIT_MS } from './first-frame';

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  return done;
}

let frames: FrameRequestCallback[] = [];
const runFrame = () => frames.splice(0).forEach((callback) => callback(performance.now()));

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function field(): HTMLInputElement {
  const input = document.createElement('input');
  document.body.append(input);
  return input;
}

describe('afterFirstFrame', () => {
  it('before the first frame: waits for it, then for one task more', async () => {
    const wait = afterFirstFrame(field());
    await vi.advanceTimersByTimeAsync(FIRST_FRAME_LIMIT_MS - 1);
    expect(await settled(wait)).toBe(false);
    runFrame();
    expect(await settled(wait)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(await settled(wait)).toBe(true);
  });

  it('after the first frame (the field in focus): waits one task, not for another frame', async () => {
    const input = field();
    input.focus();
    const wait = afterFirstFrame(input);
    expect(await settled(wait)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(await settled(wait)).toBe(true);
    expect(frames).toHaveLength(0);
  });

  it('goes on after the limit when no frame comes', async () => {
    const wait = afterFirstFrame(field());
    await vi.advanceTimersByTimeAsync(FIRST_FRAME_LIMIT_MS);
    expect(await settled(wait)).toBe(true);
  });

  it('does not wait in a hidden page, nor where nothing was prerendered', async () => {
    expect(await settled(afterFirstFrame(null))).toBe(true);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    expect(await settled(afterFirstFrame(field()))).toBe(true);
  });
});
