/** Every run of whitespace as one space, without spaces at either end. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
