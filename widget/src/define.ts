/** The version every element of this build reports, so two builds on one page can be told apart (B6-02). */
export const VERSION = '0.1.0';

/** A custom element class of this package, stamped with its build's version. */
export interface VersionedElement extends CustomElementConstructor {
  readonly congaVersion?: string;
}

/**
 * The version pairs already reported on this page. A global, not module state: the second copy of the bundle is a
 * separate module instance, and it is the one that has to know the first one warned.
 */
const WARNED = Symbol.for('conga.define.warned');

function warnOnce(key: string): boolean {
  const registry = globalThis as typeof globalThis & {[WARNED]?: Set<string>};
  const warned = (registry[WARNED] ??= new Set());
  if (warned.has(key)) return false;
  warned.add(key);
  return true;
}

/**
 * Registers a custom element once. Host pages may load the bundle twice, or two versions of it: registering the same
 * class again is a no-op, and another class on the tag leaves the first in place with a warning naming both
 * versions, instead of the "already defined" exception that would break the page (B6-02). A second copy defines
 * several elements; it is reported once, on its first tag.
 */
export function define(tag: string, constructor: VersionedElement): void {
  const existing: VersionedElement | undefined = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    const registered = existing.congaVersion ?? 'unknown';
    const rejected = constructor.congaVersion ?? VERSION;
    if (warnOnce(`${registered} ${rejected}`)) {
      console.warn(
        `<${tag}> and the other Conga elements are already defined by version ${registered}; version ${rejected} was not registered.`,
      );
    }
    return;
  }
  customElements.define(tag, constructor);
}
