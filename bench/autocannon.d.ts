// The part of autocannon 9's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type TAutocannonRequest = {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    /** Called as each request is built; returns the request to send. */
    setupRequest?: (request: TAutocannonRequest, context: Record<string, unknown>) => TAutocannonRequest;
  };
  export type TAutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    requests?: TAutocannonRequest[];
    timeout?: number;
  };
  export type TAutocannonResult = {
    requests: { average: number; total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  };
  export interface TAutocannonInstance extends EventEmitter {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    /** Ends the run now; the callback still receives the results so far. */
    stop(): void;
  }
  function autocannon(options: TAutocannonOptions, callback: (error: Error | null, result: TAutocannonResult) => void): TAutocannonInstance;
  export default autocannon;
}
