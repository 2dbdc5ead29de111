/** The `--data` file exists but can't be used; it is reported and never overwritten. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  readonly code = 'EMULATOR_DATA_FILE';
}

/** A `--seed` file (or seed object) that doesn't describe a usable organization. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
  readonly code = 'EMULATOR_SEED';
}
