/** The shortest passphrase the lock takes. */
export const MIN_PASSPHRASE_LENGTH = 12;
/** The lowest strength estimate (0 to 4, zxcvbn's scale) the options page takes. */
export const MIN_STRENGTH_SCORE = 3;

/** A strength estimate: zxcvbn's score and its English feedback. */
export interface Strength {
  score: number;
  warning: string | null;
  suggestions: string[];
}

/** Why a passphrase is refused by its length alone (the worker checks this too); null when long enough. */
export function lengthProblem(passphrase: string): string | null {
  if (passphrase === '') return 'Enter a passphrase.';
  const length = [...passphrase].length;
  return length < MIN_PASSPHRASE_LENGTH
    ? `Too short: use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}).`
    : null;
}

/** Why a new passphrase is refused, in words; null when it is taken. */
export function passphraseProblem(passphrase: string, repeat: string, strength: Strength): string | null {
  const short = lengthProblem(passphrase);
  if (short) return short;
  if (strength.score < MIN_STRENGTH_SCORE) {
    const why = strength.warning ?? 'it follows a pattern that is quickly tried.';
    const hint = strength.suggestions[0] ?? 'Add a few uncommon words.';
    return `Too easy to guess: ${lowerFirst(why)} ${hint}`;
  }
  if (passphrase !== repeat) return 'The two passphrases are not the same.';
  return null;
}

function lowerFirst(text: string): string {
  const trimmed = text.trim();
  const sentence = /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
