// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { parseEnv } from "@/lib/env";
import { openDatabaseForScript } from "@/lib/db/prepare-database";
import { runScript } from "./run-script";

runScript(async () => {
  const env = parseEnv();
  const { applied, embedded } = await openDatabaseForScript({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  const where = embedded ? `the embedded database (${env.PGLITE_DATA_DIR})` : "DATABASE_URL";
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `${where}: already up to date.`);
  await embedded?.stop();
});
