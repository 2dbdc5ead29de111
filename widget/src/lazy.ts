/**
 * A lazy chunk's loader: the first call starts the import and later calls share it. A failed load (offline, a
 * redeploy that removed the old chunk) is forgotten, so the next use tries again instead of failing for good.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
