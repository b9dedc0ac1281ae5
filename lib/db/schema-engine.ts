// Loads Prisma's schema engine compiled to WebAssembly, so migrations need no native binary.
// The package only exports its glue module; the .wasm beside it is instantiated by hand.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type PanicRegistry = { set_message(message: string): void };
declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let lastPanic = "";

export function lastSchemaEnginePanic(): string {
  return lastPanic;
}

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let engineClass: Promise<typeof SchemaEngine> | undefined;

async function loadEngineClass(): Promise<typeof SchemaEngine> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Glue;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

export function getSchemaEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= loadEngineClass();
  return engineClass;
}
