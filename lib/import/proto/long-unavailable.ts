// What `require("long")` gives protobufjs/minimal in the browser bundle (see
// next.config.js): nothing, so protobufjs reads 64-bit integers as numbers on
// its own. The `long` package tries to compile a WebAssembly module when it
// loads, which the Content-Security-Policy (no 'wasm-unsafe-eval') refuses
// with a violation on every page that decodes an event file.
const unavailable = null;
export default unavailable;
