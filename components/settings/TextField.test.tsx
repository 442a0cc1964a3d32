import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TextField } from './TextField';

describe('TextField', () => {
  it('labels its input and passes what is typed', () => {
    const onInput = vi.fn();
    render(
      <TextField
        id="baseUrl"
        label="API base URL"
        type="url"
        value="https://x"
        onInput={onInput}
        hint="Must be https."
      />,
    );
    const field = screen.getByLabelText('API base URL');
    fireEvent.input(field, { target: { value: 'https://y' } });
    expect(onInput).toHaveBeenCalledWith('https://y');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Must be https.');
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('gives number fields their range and shows the error beside them', () => {
    render(
      <TextField
        id="timeoutSeconds"
        label="Timeout (seconds)"
        type="number"
        min={3}
        max={60}
        value="2"
        onInput={() => {}}
        error="Too short."
      />,
    );
    const field = screen.getByLabelText('Timeout (seconds)') as HTMLInputElement;
    expect([field.min, field.max, field.step]).toEqual(['3', '60', '1']);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('timeoutSeconds-error')?.textContent).toBe('Too short.');
  });
});
