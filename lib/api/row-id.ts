// The id of a database row as it arrives in a URL or a form: a positive PostgreSQL `integer`.
// Anything larger cannot name a row, and would reach the database as an out-of-range error (a 500).
import { z } from "zod";

export const MAX_ROW_ID = 2_147_483_647;

export const ZRowId = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .positive("must be positive")
  .max(MAX_ROW_ID, `must be at most ${MAX_ROW_ID}`);
