import {AnnounceEvent} from '../../events/announce-event.js';

/** The root element, found through the shadow roots an element sits in (the list, the form and the tools have one). */
export function rootOf(element: Element): Element | undefined {
  let node: Node = element;
  for (;;) {
    const found = node instanceof Element ? node.closest('conga-api-connections') : null;
    if (found) return found;
    const root = node.getRootNode();
    if (!(root instanceof ShadowRoot)) return undefined;
    node = root.host;
  }
}

/**
 * Announces `message` through the root's live region and resolves true; resolves false when the element has no root
 * (it then announces through a live region of its own). The announce event is not composed, so from inside the
 * list's and the form's shadow trees it would stop at a shadow root: it is dispatched on the root itself.
 */
export function announceThroughRoot(
  element: Element,
  message: string,
  politeness: 'status' | 'alert' = 'status',
): boolean {
  const root = rootOf(element);
  if (!root) return false;
  root.dispatchEvent(new AnnounceEvent(message, politeness));
  return true;
}
