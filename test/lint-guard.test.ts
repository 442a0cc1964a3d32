// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own ESLint config must fail on every way of turning a string into HTML, so that
// an API string can only ever reach the page as text.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function rulesHit(code: string, filePath = 'components/card/KeyCard.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

// Type-aware linting loads the TypeScript project on first use: seconds on a busy machine.
describe('lint guard against HTML sinks', { timeout: 60_000 }, () => {
  it.each([
    ['innerHTML', 'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }', 'no-unsanitized/property'],
    ['outerHTML', 'export function f(el: HTMLElement, s: string) { el.outerHTML = s; }', 'no-unsanitized/property'],
    [
      'insertAdjacentHTML',
      "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }",
      'no-unsanitized/method',
    ],
    ['document.write', 'export function f(s: string) { document.write(s); }', 'no-unsanitized/method'],
    [
      'dangerouslySetInnerHTML',
      'export const X = (p: { s: string }) => <div dangerouslySetInnerHTML={{ __html: p.s }} />;',
      'no-restricted-syntax',
    ],
  ])('fails on %s', async (_, code, rule) => {
    expect(await rulesHit(code)).toContain(rule);
  });

  it('passes text rendered as JSX children', async () => {
    expect(await rulesHit('export const X = (p: { s: string }) => <div>{p.s}</div>;')).toEqual([]);
  });
});
