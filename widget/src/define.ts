/** The version every element of this build reports, so two builds on one page can be told apart (B6-02). */
export const VERSION = '0.1.0';

/** A custom element class of this package, stamped with its build's version. */
export interface VersionedElement extends CustomElementConstructor {
  readonly congaVersion?: string;
}

/**
 * Registers a custom element once. Host pages may load the bundle twice, or two versions of it: registering the same
 * class again is a no-op, and another class on the tag leaves the first in place with a warning naming both
 * versions, instead of the "already defined" exception that would break the page (B6-02).
 */
export function define(tag: string, constructor: VersionedElement): void {
  const existing: VersionedElement | undefined = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(
      `<${tag}> is already defined by version ${existing.congaVersion ?? 'unknown'}; version ${constructor.congaVersion ?? VERSION} was not registered.`,
    );
    return;
  }
  customElements.define(tag, constructor);
}
