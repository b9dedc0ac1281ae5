// A pg connection that takes its queries one at a time. Prisma's query interpreter reads a query's
// relations side by side (a nested select is several SQL queries under Promise.all); inside a
// transaction they all go to the transaction's one connection, where pg queues them but warns that
// pg 9 will refuse a query sent while another runs. Here each waits for the one before to end.
import pg from "pg";

type TQuery = (...args: unknown[]) => unknown;

/** A query handed over with a callback, or as a Submittable (a cursor, a stream), keeps pg's own path. */
function isPromiseForm(args: unknown[]): boolean {
  const [first] = args;
  const submittable = typeof first === "object" && first !== null && typeof (first as { submit?: unknown }).submit === "function";
  return !submittable && typeof args.at(-1) !== "function";
}

export class OneQueryAtATimeClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const send = super.query.bind(this) as TQuery;
    let previous: Promise<unknown> = Promise.resolve();
    const queued: TQuery = (...args) => {
      if (!isPromiseForm(args)) return send(...args);
      const result = previous.then(() => send(...args));
      previous = result.catch(() => undefined);
      return result;
    };
    this.query = queued as pg.Client["query"];
  }
}
