import { useEffect, useState } from 'preact/hooks';
import type { LookupAnswer, LookupAnswerProps } from '@/components/LookupAnswer';

type Answer = typeof LookupAnswer;

let loading: Promise<Answer> | undefined;
let loaded: Answer | undefined;

/**
 * The card and the error notice, with what only they use: loaded once the popup has painted (App
 * asks for them then), not before its field takes keys. A lookup's answer comes later than they do.
 */
export function loadAnswer(): Promise<Answer> {
  loading ??= import('@/components/LookupAnswer').then((module) => (loaded = module.LookupAnswer));
  return loading;
}

/** LookupAnswer, drawn at once when it is loaded (as it nearly always is), else as soon as it is. */
export function LazyAnswer(props: LookupAnswerProps) {
  const [Answer, setAnswer] = useState<Answer | undefined>(() => loaded);
  useEffect(() => {
    if (!Answer) void loadAnswer().then((answer) => setAnswer(() => answer));
  }, []);
  return Answer ? <Answer {...props} /> : null;
}
