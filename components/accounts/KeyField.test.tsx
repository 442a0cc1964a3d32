import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { KeyField } from './KeyField';

describe('KeyField', () => {
  it('is a password field with show/hide when no key is saved', () => {
    const onInput = vi.fn();
    render(<KeyField savedLast4={null} value="sk-mg-secret" onInput={onInput} onRemove={() => {}} />);
    const field = screen.getByLabelText('Management key') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(field.type).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.input(field, { target: { value: 'sk-mg-other' } });
    expect(onInput).toHaveBeenCalledWith('sk-mg-other');
  });

  it('once saved shows only the last 4 characters, with Replace and Remove', () => {
    const onRemove = vi.fn();
    const { container } = render(<KeyField savedLast4="4680" value="" onInput={() => {}} onRemove={onRemove} />);
    expect(container.textContent).toContain('Saved, ending in 4680');
    expect(container.querySelector('input')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }));
    expect(onRemove).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(screen.queryByLabelText('Management key')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Keep saved key' }));
    expect(container.textContent).toContain('Saved, ending in 4680');
  });

  it('shows the refusal beside the field and ties it to the field', () => {
    render(
      <KeyField
        savedLast4={null}
        value="a b"
        error="The management key must not contain spaces or line breaks."
        onInput={() => {}}
        onRemove={() => {}}
      />,
    );
    const field = screen.getByLabelText('Management key');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')?.split(' ') ?? [];
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toContain('The management key must not contain spaces or line breaks.');
  });
});
