import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Loading } from './Loading';

describe('Loading', () => {
  it.each([
    [undefined, 'Looking up key…'],
    ['Testing the management key…', 'Testing the management key…'],
  ])('announces %s politely as "%s"', (label, text) => {
    render(<Loading label={label} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe(text);
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('hides the spinner from screen readers', () => {
    const { container } = render(<Loading />);
    expect(container.querySelector('.spinner')?.getAttribute('aria-hidden')).toBe('true');
  });
});
