/**
 * An init script that records in `window.congaFirstRows` when the first frame with table rows (in any shadow root)
 * was rendered, in milliseconds since the navigation started, on pages whose path matches `path`. A string, because
 * tsx would wrap the named inner functions of a function in a helper the page doesn't have.
 * `topFrameOnly`: not in frames (a silent sign-in's frame loads the same page).
 */
export function detectFirstRows(path: RegExp, {topFrameOnly = false} = {}): string {
  return `(() => {
  if (${topFrameOnly ? 'window.top !== window || ' : ''}!${String(path)}.test(location.pathname)) return;
  const find = (node) => {
    if (node.querySelector('tbody tr')) return true;
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot && find(element.shadowRoot)) return true;
    return false;
  };
  const tick = () => requestAnimationFrame(() => {
    if (!find(document)) return tick();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window.congaFirstRows = performance.now(); };
    channel.port2.postMessage(null);
  });
  tick();
})();`;
}
