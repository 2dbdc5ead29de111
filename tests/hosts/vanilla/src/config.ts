/** Where the platform is: the host's own build-time settings (the test builds against a local emulator). */
export const config = {
  issuer: import.meta.env.VITE_CONGA_ISSUER,
  apiBaseUrl: import.meta.env.VITE_CONGA_API_BASE_URL,
  clientId: import.meta.env.VITE_CONGA_CLIENT_ID,
};
