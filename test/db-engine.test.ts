/**
 * The MongoDB engine in use (test/global-setup.ts) supports what the app relies on
 * (docs/mongodb-offline.md), and a persistent engine keeps data across restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resolveMongoEngine } from '../src/db/engine.js';

const uniqueDbName = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}`;

describe('MongoDB engine from global setup', () => {
  let conn: Connection;

  beforeAll(async () => {
    conn = await mongoose.createConnection(inject('mongoUri'), { dbName: uniqueDbName('engine_test') }).asPromise();
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('enforces unique indexes, upserts and aggregates dates with a timezone', async () => {
    const Item = conn.model(
      'Item',
      new mongoose.Schema({
        sku: { type: String, required: true, unique: true },
        qty: { type: Number, default: 0 },
        at: { type: Date, required: true },
      }),
    );
    // Builds the collection and indexes first; on the stand-in a racing `create` can lose the first insert.
    await Item.init();

    await Item.create({ sku: 'a', at: new Date('2024-03-10T23:30:00Z') });
    await expect(Item.create({ sku: 'a', at: new Date() })).rejects.toMatchObject({ code: 11000 });

    const upserted = await Item.findOneAndUpdate(
      { sku: 'b' },
      { $inc: { qty: 2 }, $setOnInsert: { at: new Date('2024-03-11T10:00:00Z') } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(upserted).toMatchObject({ sku: 'b', qty: 2 });
    const again = await Item.findOneAndUpdate({ sku: 'b' }, { $inc: { qty: 3 } }, { upsert: true, returnDocument: 'after' });
    expect(again?.qty).toBe(5);
    expect(await Item.countDocuments()).toBe(2);

    // 23:30 UTC on Mar 10 is already Mar 11 in Moscow (UTC+3): both items land on the same local day.
    const perDay = await Item.aggregate<{ _id: string; n: number }>([
      { $group: { _id: { $dateToString: { format: '%Y-%m-%d', date: '$at', timezone: 'Europe/Moscow' } }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(perDay).toEqual([{ _id: '2024-03-11', n: 2 }]);
  });
});

describe('persistent engine (dataDir)', () => {
  it.skipIf(inject('mongoEngineKind') === 'external')('keeps documents across stop and start', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-engine-'));
    const dbName = uniqueDbName('persist_test');
    const Note = new mongoose.Schema({ text: String });
    try {
      const first = await resolveMongoEngine({ dataDir });
      try {
        const conn = await mongoose.createConnection(first.uri, { dbName }).asPromise();
        const model = conn.model('Note', Note);
        await model.init();
        await model.create({ text: 'survives restart' });
        await conn.close();
      } finally {
        await first.stop();
      }

      const second = await resolveMongoEngine({ dataDir });
      try {
        const conn = await mongoose.createConnection(second.uri, { dbName }).asPromise();
        const docs = await conn.model('Note', Note).find().lean();
        expect(docs.map((d) => d.text)).toEqual(['survives restart']);
        await conn.close();
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
