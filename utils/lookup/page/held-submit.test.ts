import { afterEach, describe, expect, it } from 'vitest';
import { holdSubmits } from './held-submit';

afterEach(() => document.body.replaceChildren());

/** A root holding a form with a field and a submit button, as popup.html has it. */
function prerendered() {
  const root = document.createElement('div');
  root.innerHTML = '<form><input name="hash" /><button type="submit">Look up</button></form>';
  document.body.append(root);
  const form = root.querySelector('form') as HTMLFormElement;
  const handled: string[] = [];
  return { root, form, handled, handle: () => form.addEventListener('submit', () => handled.push('submitted')) };
}

function submit(form: HTMLFormElement): SubmitEvent {
  const event = new SubmitEvent('submit', { bubbles: true, cancelable: true });
  form.dispatchEvent(event);
  return event;
}

describe('holdSubmits', () => {
  it('stops the browser sending the form before the popup has taken it over', () => {
    const { root, form } = prerendered();
    holdSubmits(root);
    expect(submit(form).defaultPrevented).toBe(true);
  });

  it('makes a held submit again once released, to the handler the popup has put on the form', () => {
    const { root, form, handled, handle } = prerendered();
    const release = holdSubmits(root);
    submit(form);
    handle();
    expect(handled).toEqual([]);
    release();
    expect(handled).toEqual(['submitted']);
  });

  it('makes none when nothing was submitted, and holds nothing after the release', () => {
    const { root, form, handled, handle } = prerendered();
    const release = holdSubmits(root);
    handle();
    release();
    expect(handled).toEqual([]);
    expect(submit(form).defaultPrevented).toBe(false);
    expect(handled).toEqual(['submitted']);
  });
});
