/**
 * The account a request means: the one with the id it names, or, when it names none, the only
 * account there is (with one account, cards, watch requests and history name no account). None
 * when the id is not a saved account's, or when several accounts leave it open.
 */
export function accountMeant<Account extends { id: string }>(
  accounts: readonly Account[],
  id?: string,
): Account | undefined {
  if (id !== undefined) return accounts.find((account) => account.id === id);
  const [only, ...others] = accounts;
  return others.length === 0 ? only : undefined;
}
