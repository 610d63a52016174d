// Outside Next's bundler, `import "server-only"` resolves to a module that throws. server.ts and
// the CLI scripts are server code by definition, so there it resolves to an empty module.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }`),
  import.meta.url,
);
