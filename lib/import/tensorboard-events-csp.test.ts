// The import page reads event files in the browser, under a Content-Security-
// Policy without 'unsafe-eval': decoding must not build code at run time
// (protobufjs's reflection does, with `new Function`). In a file of its own so
// that nothing has decoded an Event before the first decode below.
import { afterEach, expect, it } from "vitest";
import { eventFile } from "../../scripts/make-import-fixtures";
import { readEventFile } from "./tensorboard-events";

const realFunction = globalThis.Function;
const realEval = globalThis.eval;

afterEach(() => {
  globalThis.Function = realFunction;
  globalThis.eval = realEval;
});

it("decodes an event file with eval and new Function refused, as the page's CSP refuses them", () => {
  const bytes = eventFile(
    [
      { tag: "loss/epoch_average", step: 1, value: 0.25 },
      { tag: "loss/validation/epoch_average", step: 1, value: 0.5, form: "tensor" },
    ],
    0,
  );
  const refused = () => {
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
  };
  globalThis.Function = new Proxy(realFunction, { apply: refused, construct: refused });
  globalThis.eval = refused;
  const result = readEventFile(bytes);
  globalThis.Function = realFunction;
  globalThis.eval = realEval;
  expect(result).toMatchObject({
    ok: true,
    scalars: [
      { tag: "loss/epoch_average", step: 1, value: 0.25 },
      { tag: "loss/validation/epoch_average", step: 1, value: 0.5 },
    ],
  });
});
