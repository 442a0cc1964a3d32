import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Strength } from '../passphrase-rules';

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn's estimate of a passphrase, with its common and English dictionaries: loaded by the
 * options page only, the first time a new passphrase is checked (its own chunk, about 400 KB of
 * word lists that no other page carries). `userInputs`: words of this user's own that make a
 * passphrase weaker (the account names).
 */
export async function estimateStrength(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  const words = ['modelgates', 'management', 'key', ...userInputs.flatMap((input) => input.toLowerCase().split(/\s+/))];
  const result = (await estimator).check(
    passphrase,
    words.filter((word) => word.length > 2),
  );
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
