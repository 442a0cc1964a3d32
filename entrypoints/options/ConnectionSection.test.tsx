import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionSection } from './ConnectionSection';

const values = { key: '', baseUrl: 'https://modelgates.ai/api/v1' };

describe('ConnectionSection', () => {
  it('passes what is typed as a change to its own connection', () => {
    const onChange = vi.fn();
    render(
      <ConnectionSection
        values={values}
        errors={{}}
        savedLast4={null}
        generation={1}
        onChange={onChange}
        onRemoveKey={() => {}}
      />,
    );
    fireEvent.input(screen.getByLabelText('Management key'), { target: { value: 'sk-mg-new' } });
    expect(onChange).toHaveBeenLastCalledWith({ key: 'sk-mg-new' });
    fireEvent.input(screen.getByLabelText('API base URL'), { target: { value: 'http://127.0.0.1:8787/api/v1' } });
    expect(onChange).toHaveBeenLastCalledWith({ baseUrl: 'http://127.0.0.1:8787/api/v1' });
  });

  it('shows each refusal beside its own field', () => {
    render(
      <ConnectionSection
        values={{ key: 'a b', baseUrl: 'ftp://x' }}
        errors={{
          managementKey: 'The management key must not contain spaces or line breaks.',
          baseUrl: 'The API base URL must start with https://.',
        }}
        savedLast4={null}
        generation={1}
        onChange={() => {}}
        onRemoveKey={() => {}}
      />,
    );
    const keyField = screen.getByLabelText('Management key').closest('.field');
    expect(keyField?.querySelector('.field-error')?.textContent).toBe(
      'The management key must not contain spaces or line breaks.',
    );
    // The base URL's own refusal is its accessible description, and the key's is not.
    const baseUrl = screen.getByRole('textbox', { name: 'API base URL' });
    expect(baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { description: /^The API base URL must start with https:\/\/\./ })).toBe(
      baseUrl,
    );
    expect(screen.queryByRole('textbox', { description: /spaces/ })).toBeNull();
  });

  it('shows a saved key by its last 4 only, until the settings are saved again', () => {
    const props = { values, errors: {}, savedLast4: '4680', onChange: () => {}, onRemoveKey: () => {} };
    const { container, rerender } = render(<ConnectionSection {...props} generation={1} />);
    expect(container.textContent).toContain('Saved, ending in 4680');
    fireEvent.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(screen.getByLabelText('Management key')).toBeInstanceOf(HTMLInputElement);
    rerender(<ConnectionSection {...props} savedLast4="wxyz" generation={2} />);
    expect(container.textContent).toContain('Saved, ending in wxyz');
    expect(container.querySelector('input[name="managementKey"]')).toBeNull();
  });

  it('shows what it is given under the base URL field', () => {
    render(
      <ConnectionSection
        values={values}
        errors={{}}
        savedLast4={null}
        generation={1}
        onChange={() => {}}
        onRemoveKey={() => {}}
      >
        <p>Access notice</p>
      </ConnectionSection>,
    );
    const field = screen.getByLabelText('API base URL').closest('.field');
    expect(field?.textContent).toContain('Access notice');
  });
});
