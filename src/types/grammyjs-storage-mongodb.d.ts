// @grammyjs/storage-mongodb 2.6 points its ESM "types" at a file it does not ship
// (dist/mod.d.ts); this declares the one class we use, against grammY's own types.
declare module "@grammyjs/storage-mongodb" {
  import type { StorageAdapter } from "grammy";
  import type { Collection } from "mongodb";
  export interface ISession {
    key: string;
    value: unknown;
  }
  export class MongoDBAdapter<T> implements StorageAdapter<T> {
    constructor(opts: { collection: Collection<ISession> });
    read(key: string): Promise<T | undefined>;
    write(key: string, data: T): Promise<void>;
    delete(key: string): Promise<void>;
  }
}
