/**
 * How long the popup waits for a frame that does not come before it takes over its HTML anyway:
 * far longer than any first frame, so it is reached only where frames are held back.
 */
export const FIRST_FRAME_LIMIT_MS = 100;

/**
 * Resolves when the popup may take over its prerendered HTML (entrypoints/popup/mount.tsx) without
 * holding back what the person sees or types first:
 * - once the first frame has run (its autofocus put the field in focus): after one task, so that a
 *   key already pressed is handled first;
 * - before it: after the first frame and one task, or after `FIRST_FRAME_LIMIT_MS` if no frame comes;
 * - at once where no frame will come (a hidden page) or nothing was prerendered (`field` null).
 */
export function afterFirstFrame(field: Element | null, limitMs = FIRST_FRAME_LIMIT_MS): Promise<void> {
  if (field === null || document.visibilityState === 'hidden') return Promise.resolve();
  if (document.activeElement === field) return nextTask();
  return new Promise((resolve) => {
    const limit = setTimeout(resolve, limitMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(limit);
        resolve();
      }, 0),
    );
  });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
