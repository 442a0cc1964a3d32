export const UNNAMED_KEY = 'Unnamed key';

/** A key's name as every place shows it: a missing, empty or whitespace-only name is unnamed. */
export function displayName(name: string | null | undefined): string {
  return name != null && name.trim() !== '' ? name : UNNAMED_KEY;
}
