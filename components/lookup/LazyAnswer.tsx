import { useEffect, useState } from 'preact/hooks';
import type { LookupAnswer, LookupAnswerProps } from '@/components/card/LookupAnswer';

type Answer = typeof LookupAnswer;

let loading: Promise<Answer> | undefined;
let loaded: Answer | undefined;

/**
 * The card and the error notice, with what only they use: loaded once the popup is idle after its
 * first paint, not before its field takes keys. A lookup's answer nearly always comes later.
 */
export function loadAnswer(): Promise<Answer> {
  loading ??= import('@/components/card/LookupAnswer').then((module) => (loaded = module.LookupAnswer));
  return loading;
}

/** Loads them once the page is idle (or after a second at the latest). */
export function loadAnswerWhenIdle(): void {
  const load = () => void loadAnswer();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 1000 });
  else setTimeout(load, 0);
}

/** LookupAnswer, drawn at once when it is loaded (as it nearly always is), else as soon as it is. */
export function LazyAnswer(props: LookupAnswerProps) {
  const [Answer, setAnswer] = useState<Answer | undefined>(() => loaded);
  useEffect(() => {
    if (!Answer) void loadAnswer().then((answer) => setAnswer(() => answer));
  }, []);
  return Answer ? <Answer {...props} /> : null;
}
