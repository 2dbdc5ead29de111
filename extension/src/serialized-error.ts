/**
 * An error as it crosses messaging and storage: no stack, no cause, nothing but these three strings (STYLE §8).
 * Its own module because both the message map (`messaging.ts`) and the stored sign-in state (`storage.ts`) carry it,
 * and neither should import the other for it.
 */
export interface SerializedError {
  name: string;
  code: string;
  message: string;
}
