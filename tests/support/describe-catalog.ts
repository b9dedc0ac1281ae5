// A plain-data picture of a database's public schema, for comparing two databases.
import type { ClientBase } from "pg";

export type TCatalog = { tables: string[]; columns: string[]; indexes: string[]; constraints: string[]; enums: string[] };

export async function describeCatalog(client: ClientBase): Promise<TCatalog> {
  const list = async (sql: string) => (await client.query<{ v: string }>(sql)).rows.map((row) => row.v);
  return {
    tables: await list(`SELECT table_name AS v FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
    columns: await list(`SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS v
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
    indexes: await list(`SELECT indexdef AS v FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`),
    constraints: await list(`SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS v
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%_prisma_migrations%' ORDER BY 1`),
    enums: await list(`SELECT t.typname || ':' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS v
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`),
  };
}
