import { describe, expect, it } from 'vitest';
import { lengthProblem, passphraseProblem } from './passphrase-rules';

const strong = { score: 4, warning: null, suggestions: [] };

describe('passphrase rules', () => {
  it.each([
    ['', 'Enter a passphrase.'],
    ['short pass', 'Too short: use at least 12 characters (this one has 10).'],
    ['elevenchars', 'Too short: use at least 12 characters (this one has 11).'],
  ])('refuses %j by its length', (passphrase, message) => {
    expect(lengthProblem(passphrase)).toBe(message);
    expect(passphraseProblem(passphrase, passphrase, strong)).toBe(message);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(lengthProblem('🔒'.repeat(11))).toContain('this one has 11');
  });

  it('refuses a score under 3 and says why, in the estimate’s words', () => {
    const weak = {
      score: 2,
      warning: 'This is similar to a commonly used password.',
      suggestions: ['Add more words.'],
    };
    expect(passphraseProblem('password1234', 'password1234', weak)).toBe(
      'Too easy to guess: this is similar to a commonly used password. Add more words.',
    );
    expect(passphraseProblem('aaaaaaaaaaaa', 'aaaaaaaaaaaa', { score: 0, warning: null, suggestions: [] })).toMatch(
      /^Too easy to guess: /,
    );
  });

  it('takes a long, strong passphrase typed twice the same', () => {
    expect(passphraseProblem('plum kettle harbour violin', 'plum kettle harbour violin', strong)).toBeNull();
    expect(passphraseProblem('plum kettle harbour violin', 'plum kettle harbour viola', strong)).toBe(
      'The two passphrases are not the same.',
    );
  });
});
