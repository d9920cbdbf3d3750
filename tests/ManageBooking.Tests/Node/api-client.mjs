// Generates a typed client from an OpenAPI document (openapi-typescript), type-checks client.ts against it with tsc (a
// path, parameter or body the document does not describe fails here), then runs it against a live site.
// argv: document path, work folder (inside this folder, so imports resolve), base URL, slug, first start, second start.
import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const [document, work, ...run] = process.argv.slice(2);
const ast = await openapiTS(pathToFileURL(document));
await writeFile(path.join(work, "schema.d.ts"), astToString(ast));
await copyFile(path.join(import.meta.dirname, "client.ts"), path.join(work, "client.ts"));

const program = ts.createProgram([path.join(work, "client.ts")], {
  strict: true,
  noEmitOnError: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  outDir: work,
});
const emitted = program.emit();
const diagnostics = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => work, getNewLine: () => "\n" };
  process.stderr.write(ts.formatDiagnostics(diagnostics, host));
  process.exit(2);
}

process.argv = [process.argv[0], path.join(work, "client.js"), ...run];
await import(pathToFileURL(path.join(work, "client.js")).href);
