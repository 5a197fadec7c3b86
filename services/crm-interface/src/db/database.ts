import pg from 'pg';

/** What repositories need from PostgreSQL: a pooled query and a transaction on one connection. */
export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  readonly pool: pg.Pool;
}

export interface Tx {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const DATE_OID = 1082;

// `date` columns stay 'YYYY-MM-DD' strings: pg's default turns them into local-midnight Dates, which shifts days.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return wrapPool(pool);
}

export function wrapPool(pool: pg.Pool): Db {
  return {
    pool,
    query: (text, values) => pool.query(text, values),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** `$1, $2, …` placeholders for multi-row VALUES lists, chunked under PostgreSQL's 65535-parameter limit. */
export async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = '',
): Promise<pg.QueryResultRow[]> {
  const out: pg.QueryResultRow[] = [];
  const perChunk = Math.max(1, Math.floor(60_000 / columns.length));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')})`);
    const result = await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, values);
    out.push(...result.rows);
  }
  return out;
}
