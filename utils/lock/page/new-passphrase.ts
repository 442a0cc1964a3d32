import { passphraseProblem } from '../passphrase-rules';
import { estimateStrength } from './strength';

/** Why a new passphrase (typed twice) is refused, in words, or null: length, strength, sameness. */
export async function newPassphraseProblem(passphrase: string, repeat: string, userInputs: string[]) {
  const strength = await estimateStrength(passphrase, userInputs);
  return passphraseProblem(passphrase, repeat, strength);
}
