import { act, fireEvent, render, renderHook, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NOW } from '@/test/fixtures/key';
import {
  type ConnectionTestReply,
  type ConnectionTestState,
  ConnectionTestResult,
  TestConnectionButton,
  TestConnectionHint,
  useConnectionTest,
} from './ConnectionTest';

const button = () => screen.getByRole('button', { name: /Test/ }) as HTMLButtonElement;

describe('useConnectionTest', () => {
  it('is running until the worker answers, then holds the answer until a reset', async () => {
    let answer: (reply: ConnectionTestReply) => void = () => {};
    const ask = vi.fn(() => new Promise<ConnectionTestReply>((resolve) => (answer = resolve)));
    const { result } = renderHook(() => useConnectionTest(ask));
    expect(result.current.state).toEqual({ kind: 'idle' });
    let running: Promise<void> = Promise.resolve();
    await act(() => {
      running = result.current.run();
    });
    expect(result.current.state).toEqual({ kind: 'running' });
    await act(async () => {
      answer({ ok: false, error: { kind: 'unauthorized' } });
      await running;
    });
    expect(result.current.state).toEqual({ kind: 'failed', error: { kind: 'unauthorized' } });
    await act(() => result.current.reset());
    expect(result.current.state).toEqual({ kind: 'idle' });
    expect(ask).toHaveBeenCalledOnce();
  });
});

describe('Test connection', () => {
  it.each<[string, ConnectionTestState, boolean, string, boolean]>([
    ['idle, saved', { kind: 'idle' }, false, 'Test connection', false],
    ['running', { kind: 'running' }, false, 'Testing…', true],
    ['with unsaved changes', { kind: 'idle' }, true, 'Test connection', true],
  ])('button when %s', (_, state, dirty, words, disabled) => {
    const onTest = vi.fn();
    render(
      <>
        <TestConnectionButton state={state} hintId="hint" dirty={dirty} onTest={onTest} />
        <TestConnectionHint id="hint" dirty={dirty} />
      </>,
    );
    expect(button().textContent).toBe(words);
    expect(button().disabled).toBe(disabled);
    fireEvent.click(button());
    expect(onTest).toHaveBeenCalledTimes(disabled ? 0 : 1);
  });

  it.each([
    [false, 'Tests this account’s saved key against its saved API base URL.'],
    [true, 'Save your changes to test them.'],
  ])('describes the button (unsaved changes: %s) as "%s"', (dirty, hint) => {
    render(
      <>
        <TestConnectionButton state={{ kind: 'idle' }} hintId="hint" dirty={dirty} onTest={() => {}} />
        <TestConnectionHint id="hint" dirty={dirty} />
      </>,
    );
    expect(screen.getByRole('button', { description: hint })).toBe(button());
  });

  it('says the connection works', () => {
    const { container } = render(<ConnectionTestResult state={{ kind: 'ok' }} now={NOW} />);
    expect(container.textContent).toBe('Connection works: the API accepted the management key.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why it failed in the popup’s words, counting from the clock it is given', () => {
    const retryAt = new Date(NOW.getTime() + 30_000).toISOString();
    const error = { kind: 'rate_limited' as const, retryAt, detail: 'Slow down' };
    render(<ConnectionTestResult state={{ kind: 'failed', error }} now={NOW} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Too many requestsTry again in 30 seconds.The API said: Slow down',
    );
  });

  it('shows nothing before a test or while it runs', () => {
    const { container, rerender } = render(<ConnectionTestResult state={{ kind: 'idle' }} now={NOW} />);
    expect(container.textContent).toBe('');
    rerender(<ConnectionTestResult state={{ kind: 'running' }} now={NOW} />);
    expect(container.textContent).toBe('');
  });
});
