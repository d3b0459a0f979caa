// Zod compiles fast object parsers with `new Function` unless told not to. The
// app's Content-Security-Policy forbids eval, so in the browser zod's probe for it
// is reported as a CSP violation on every page that validates a form. Parsing
// without the compiled path costs microseconds on our small objects.
// Imported first by every module that builds a zod schema, before any schema exists.
import { z } from "zod";

z.config({ jitless: true });
