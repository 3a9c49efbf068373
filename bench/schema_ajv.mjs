// ajv's side of bench/schema_bench.py (ajv 8, pinned in bench/package.json): the schema at a
// JSON pointer in a document, compiled by Ajv2020 (or Ajv2019), then the instances validated
// over and over, with allErrors off and on. Prints one JSON line like oaskit_schema_bench.
//   node bench/schema_ajv.mjs DOCUMENT POINTER INSTANCES.json DIALECT SECONDS
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [documentPath, pointer, instancesPath, dialect, seconds] = process.argv.slice(2);
const Ajv = dialect === "2019-09" ? require("ajv/dist/2019").default
                                  : require("ajv/dist/2020").default;
const document = JSON.parse(readFileSync(documentPath, "utf8"));
const instances = JSON.parse(readFileSync(instancesPath, "utf8"));
const id = "https://bench.invalid/document.json";
const ref = id + "#" + pointer.split("/").map(encodeURIComponent).join("/");

function compile(allErrors) {
  // strict off: OpenAPI's own keywords (example, xml, discriminator, ...) sit in its schemas.
  const ajv = new Ajv({ allErrors, strict: false, validateSchema: false, validateFormats: false });
  ajv.addSchema(document, id);
  return ajv.compile({ $ref: ref });
}

// The clock is read once per `repeat` runs of the batch, as oaskit_schema_bench does.
function perSecond(body) {
  const repeat = Math.max(1, Math.ceil(256 / instances.length));
  let rounds = 0;
  const start = process.hrtime.bigint();
  let now = start;
  const limit = BigInt(Math.round(Number(seconds) * 1e9));
  do {
    for (let r = 0; r < repeat; ++r) body();
    rounds += repeat;
    now = process.hrtime.bigint();
  } while (now - start < limit);
  return (rounds * instances.length) / (Number(now - start) / 1e9);
}

const compileStart = process.hrtime.bigint();
const fast = compile(false);
const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
const all = compile(true);
let valid = 0;
let errors = 0;
for (const instance of instances) {
  if (fast(instance)) ++valid;
  if (!all(instance)) errors += all.errors.length;
}
let sink = 0;
const fastPerS = perSecond(() => { for (const i of instances) if (fast(i)) ++sink; });
const allPerS = perSecond(() => {
  for (const i of instances) if (!all(i)) sink += all.errors.length;
});
console.log(JSON.stringify({ compile_ms: compileMs, valid, invalid: instances.length - valid,
                             errors, fast_per_s: fastPerS, all_errors_per_s: allPerS, sink }));
