// Validates an OpenAPI document with @apidevtools/swagger-parser (schema and semantic checks), as an integrator's tools would.
// argv: the document's path. stdout: { valid: true, openapi, paths } or { valid: false, error }
import SwaggerParser from "@apidevtools/swagger-parser";

try {
  const api = await SwaggerParser.validate(process.argv[2]);
  process.stdout.write(JSON.stringify({ valid: true, openapi: api.openapi, paths: Object.keys(api.paths ?? {}) }));
} catch (error) {
  process.stdout.write(JSON.stringify({ valid: false, error: String(error.message ?? error) }));
}
