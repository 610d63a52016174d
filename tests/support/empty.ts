// Stands in for the `server-only` package under Vitest: tests are server code by definition.
export {};
