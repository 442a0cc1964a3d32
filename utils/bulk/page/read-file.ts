/** The files the page reads: text exports, logs and tickets up to 5 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const FILE_TYPES = ['.csv', '.txt', '.log', '.json'];

/** The file's text, or why it is not read. */
export async function readHashFile(file: File): Promise<{ text: string } | { error: string }> {
  const name = file.name.toLowerCase();
  if (!FILE_TYPES.some((type) => name.endsWith(type))) {
    return { error: `“${file.name}” is not a .csv, .txt, .log or .json file.` };
  }
  if (file.size > MAX_FILE_BYTES) return { error: `“${file.name}” is larger than 5 MB.` };
  try {
    return { text: await file.text() };
  } catch {
    return { error: `“${file.name}” could not be read.` };
  }
}
