export {createEmulator, API_PREFIX, ISSUER_PATH} from './emulator.js';
export type {Emulator, EmulatorOptions, EmulatorUser} from './emulator.js';
export type {FaultRule, LoggedRequest} from './hooks.js';
export type {TokenLifetimes} from './oidc/configuration.js';
export {SCOPES} from './oidc/configuration.js';
export {readSeedFile, seedFromJson} from './seed-file.js';
export {checkStoreData} from './data-check.js';
export {organizationLines} from './banner.js';
export {
  defaultSeed,
  SEEDED_CLIENTS,
  SEED_PASSWORD,
  EXTENSION_ID,
  EXTENSION_GECKO_ID,
  EXTENSION_REDIRECT_URI,
  EXTENSION_FIREFOX_REDIRECT_URI,
} from './seed.js';
export type {StoreData, StoredConnection, StoredIntegration, StoredUser} from './store.js';
export {DataFileError, SeedError} from './errors.js';
