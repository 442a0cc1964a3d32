import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LookupTimingFields } from './LookupTimingFields';

const TIMEOUT = 'Timeout (seconds)';
const CACHE = 'Show a repeated lookup from memory for (seconds)';
const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;

describe('LookupTimingFields', () => {
  it('offers the range the worker accepts and says it', () => {
    render(<LookupTimingFields timeoutSeconds="10" cacheSeconds="60" errors={{}} onChange={() => {}} />);
    expect([field(TIMEOUT).value, field(TIMEOUT).min, field(TIMEOUT).max]).toEqual(['10', '3', '60']);
    expect([field(CACHE).value, field(CACHE).min, field(CACHE).max]).toEqual(['60', '0', '3600']);
    expect(
      screen.getByRole('spinbutton', { description: 'How long a lookup waits for the API: 3 to 60 seconds.' }),
    ).toBe(field(TIMEOUT));
    expect(screen.getByRole('spinbutton', { description: /0 turns this off\.$/ })).toBe(field(CACHE));
  });

  it('passes what is typed, as typed, for that field only', () => {
    const onChange = vi.fn();
    render(<LookupTimingFields timeoutSeconds="10" cacheSeconds="60" errors={{}} onChange={onChange} />);
    fireEvent.input(field(TIMEOUT), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ timeoutSeconds: '' });
    fireEvent.input(field(CACHE), { target: { value: '120' } });
    expect(onChange).toHaveBeenLastCalledWith({ cacheSeconds: '120' });
  });

  it('shows each refusal beside its own field', () => {
    render(
      <LookupTimingFields
        timeoutSeconds="2"
        cacheSeconds="60"
        errors={{ timeoutSeconds: 'The timeout must be between 3 and 60 seconds.' }}
        onChange={() => {}}
      />,
    );
    expect(field(TIMEOUT).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('spinbutton', { description: /^The timeout must be between 3 and 60 seconds\./ })).toBe(
      field(TIMEOUT),
    );
    expect(field(CACHE).getAttribute('aria-invalid')).toBeNull();
  });
});
