import { describe, expect, it } from 'vitest';
import { newPassphraseProblem } from './new-passphrase';
import { estimateStrength } from './strength';

describe('passphrase strength, with zxcvbn’s English dictionary', () => {
  it.each(['password1234', 'qwertyuiop123', 'aaaaaaaaaaaaaa', 'ModelGates2026'])(
    'finds %s too easy to guess, and says why',
    async (passphrase) => {
      expect((await estimateStrength(passphrase)).score).toBeLessThan(3);
      expect(await newPassphraseProblem(passphrase, passphrase, [])).toMatch(/^Too easy to guess: \S/);
    },
  );

  it('takes several uncommon words', async () => {
    expect(await newPassphraseProblem('plum kettle harbour violin 42', 'plum kettle harbour violin 42', [])).toBeNull();
  });

  it('counts the account names against a passphrase', async () => {
    const inputs = ['Zephyrine Quartermaster'];
    expect((await estimateStrength('ZephyrineQuartermaster', inputs)).score).toBeLessThan(
      (await estimateStrength('ZephyrineQuartermaster')).score,
    );
  });
});
