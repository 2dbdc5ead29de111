import type {Adapter, AdapterPayload} from 'oidc-provider';

/**
 * Per-emulator memory storage for the provider's own models (sessions, codes, tokens, grants).
 * The package's default adapter keeps one module-wide store; two emulators in one test process (the B2-05 mix-up
 * case starts a second, foreign provider) must not share it. Nothing here is persisted: a restart signs everyone out,
 * which is what C3-05 wants to observe.
 */
export class MemoryAdapter implements Adapter {
  readonly #model: string;
  readonly #entries: Map<string, {payload: AdapterPayload; expiresAt: number | undefined}>;
  readonly #now: () => number;

  constructor(
    model: string,
    entries: Map<string, {payload: AdapterPayload; expiresAt: number | undefined}>,
    now: () => number,
  ) {
    this.#model = model;
    this.#entries = entries;
    this.#now = now;
  }

  #key(id: string): string {
    return `${this.#model}:${id}`;
  }

  #read(key: string): AdapterPayload | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const expiresAt = expiresIn ? this.#now() + expiresIn * 1000 : undefined;
    this.#entries.set(this.#key(id), {payload, expiresAt});
    if (this.#model === 'Session' && payload.uid) {
      this.#entries.set(`SessionUid:${payload.uid}`, {payload: {id}, expiresAt});
    }
    if (payload.grantId) {
      const grantKey = `Grant-members:${payload.grantId}`;
      const members = (this.#read(grantKey)?.members as string[] | undefined) ?? [];
      this.#entries.set(grantKey, {payload: {members: [...members, this.#key(id)]}, expiresAt: undefined});
    }
    if (payload.userCode) {
      this.#entries.set(`UserCode:${payload.userCode}`, {payload: {id}, expiresAt});
    }
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(this.#read(this.#key(id)));
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const pointer = this.#read(`SessionUid:${uid}`);
    return Promise.resolve(pointer ? this.#read(this.#key(String(pointer.id))) : undefined);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const pointer = this.#read(`UserCode:${userCode}`);
    return Promise.resolve(pointer ? this.#read(this.#key(String(pointer.id))) : undefined);
  }

  consume(id: string): Promise<void> {
    const payload = this.#read(this.#key(id));
    if (payload) payload.consumed = Math.floor(this.#now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    this.#entries.delete(this.#key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    const grantKey = `Grant-members:${grantId}`;
    const members = (this.#read(grantKey)?.members as string[] | undefined) ?? [];
    for (const key of members) this.#entries.delete(key);
    this.#entries.delete(grantKey);
    return Promise.resolve();
  }
}
