import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isolatedDatabase, isolatedRedis, type IsolatedDatabase, type IsolatedRedis } from './index.js';

describe('isolated Redis', () => {
  let a: IsolatedRedis;
  let b: IsolatedRedis;
  beforeAll(async () => {
    a = await isolatedRedis('iso');
    b = await isolatedRedis('iso');
  });
  afterAll(async () => {
    await a.cleanup();
    await b.cleanup();
  });

  it('gives two users different prefixes on a real server', async () => {
    expect(a.prefix).not.toBe(b.prefix);
    await a.client.set(`${a.prefix}:k`, 'a');
    await b.client.set(`${b.prefix}:k`, 'b');
    expect(await a.client.get(`${a.prefix}:k`)).toBe('a');
    expect(await b.client.get(`${b.prefix}:k`)).toBe('b');
    expect(await a.client.ping()).toBe('PONG');
  });

  it('cleanup removes only its own keys', async () => {
    const c = await isolatedRedis('iso');
    await c.client.set(`${c.prefix}:x`, '1');
    await c.cleanup();
    expect(await a.client.exists(`${c.prefix}:x`)).toBe(0);
    expect(await a.client.get(`${a.prefix}:k`)).toBe('a');
  });
});

describe('isolated PostgreSQL', () => {
  let db: IsolatedDatabase;
  beforeAll(async () => {
    db = await isolatedDatabase('iso');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('creates a real database that only this file uses', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    await client.query('CREATE TABLE probe (id int)');
    await client.end();
    expect(rows[0]?.name).toBe(db.name);
  });

  it('drop removes the database', async () => {
    const other = await isolatedDatabase('iso');
    await other.drop();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [other.name]);
    await client.end();
    expect(rowCount).toBe(0);
  });
});
