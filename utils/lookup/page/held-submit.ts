/**
 * Holds a submit of the popup's prerendered form that comes before the popup has taken the form
 * over (Enter pressed as the popup opens): left alone, the browser would send the form as a page
 * load and reload the popup, losing what was typed. Returns the release, called once the popup
 * has hydrated: a held submit is then made again, and the popup's own handler takes it.
 */
export function holdSubmits(root: HTMLElement): () => void {
  let held: HTMLFormElement | null = null;
  const hold = (event: Event) => {
    event.preventDefault();
    if (event.target instanceof HTMLFormElement) held = event.target;
  };
  root.addEventListener('submit', hold);
  return () => {
    root.removeEventListener('submit', hold);
    if (held?.isConnected) held.requestSubmit();
  };
}
