/**
 * The clipboard the form, the tools and the secret hand-off copy to. A module of its own, so the form can copy a
 * Client ID without loading the hand-off's chunk (issue 18).
 */

/** The one Clipboard API method the elements use; injectable so tests and hosts can replace it. */
export interface ClipboardWriter {
  writeText(text: string): Promise<void>;
}

/** The browser's clipboard, or undefined where there is none (outside secure contexts). */
export function systemClipboard(): ClipboardWriter | undefined {
  return 'clipboard' in navigator ? navigator.clipboard : undefined;
}
