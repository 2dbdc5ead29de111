/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly VITE_CONGA_ISSUER: string;
  readonly VITE_CONGA_API_BASE_URL: string;
  readonly VITE_CONGA_CLIENT_ID: string;
}
