/**
 * Wraps a value in Unicode isolates (FSI … PDI) for strings that can't hold a `<bdi>` (live-region text, a sentence
 * built by a message), so a right-to-left or direction-override name can't reorder the sentence around it, and a Latin
 * name or a date keeps its order in a right-to-left sentence (B1-06, issue 17). Screen readers skip the marks.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
