import { scanHashText, type KeyHash } from './hash-input';

/** More than this is a run nobody waits for; the bulk page offers the first ones. */
export const MAX_BULK_HASHES = 5_000;

export interface ExtractedHashes {
  /** Distinct hashes, lower case, in order of first appearance; at most the cap. */
  hashes: KeyHash[];
  /** How many distinct hashes the text holds, counting those past the cap. */
  found: number;
  /** The text holds more distinct hashes than the cap: the page says so. */
  capped: boolean;
  /** Distinct secret keys in the text: never looked up or kept, only counted for the page to say. */
  secretsIgnored: number;
}

/**
 * Every key hash in a pasted or dropped billing export, log, ticket or page: the bulk page's
 * input. It uses the popup's own scanner, so a hash the popup would find is found here and a
 * secret the popup refuses is skipped here, in text of any size (the page caps files at 5 MB).
 */
export function extractHashes(text: string, cap = MAX_BULK_HASHES): ExtractedHashes {
  const distinct = new Set<KeyHash>();
  const secrets = new Set<string>();
  scanHashText(text, {
    onHash: (hash) => distinct.add(hash),
    onSecret: (token) => secrets.add(token),
  });
  // A Set iterates in insertion order, which is the order of first appearance.
  const hashes = distinct.size > cap ? Array.from(distinct).slice(0, cap) : Array.from(distinct);
  return { hashes, found: distinct.size, capped: distinct.size > cap, secretsIgnored: secrets.size };
}
