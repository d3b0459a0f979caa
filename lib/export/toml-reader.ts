// A reader for the small TOML subset the kohya exports use (tables, arrays of
// tables, strings, numbers, booleans, comments), so tests can check the files
// parse without a TOML dependency. Throws on anything outside that subset.
type Table = Record<string, unknown>;

/**
 * @example parseSimpleToml('[a]\nx = 1 # one\n[[b]]\ny = "z"') // → { a: { x: 1 }, b: [{ y: "z" }] }
 */
export function parseSimpleToml(text: string): Table {
  const root: Table = {};
  let current: Table = root;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const arrayHeader = /^\[\[([A-Za-z0-9_.]+)\]\]$/.exec(line);
    const tableHeader = /^\[([A-Za-z0-9_.]+)\]$/.exec(line);
    if (arrayHeader) {
      const path = arrayHeader[1].split(".");
      const parent = resolveParent(root, path.slice(0, -1));
      const key = path[path.length - 1];
      const list = (parent[key] ??= []) as Table[];
      if (!Array.isArray(list)) throw new Error(`Line ${index + 1}: ${key} is not an array of tables`);
      current = {};
      list.push(current);
      continue;
    }
    if (tableHeader) {
      const path = tableHeader[1].split(".");
      const parent = resolveParent(root, path.slice(0, -1));
      current = (parent[path[path.length - 1]] ??= {}) as Table;
      continue;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`Line ${index + 1}: not a key = value pair: ${line}`);
    const [key, rest] = [pair[1], pair[2]];
    if (Object.hasOwn(current, key)) throw new Error(`Line ${index + 1}: duplicate key ${key}`);
    current[key] = parseValue(rest, index + 1);
  }
  return root;
}

function resolveParent(root: Table, path: string[]): Table {
  let table = root;
  for (const key of path) {
    const next = table[key];
    if (Array.isArray(next)) table = next[next.length - 1] as Table;
    else table = (table[key] ??= {}) as Table;
  }
  return table;
}

function parseValue(text: string, line: number): unknown {
  if (text.startsWith('"')) {
    let value = "";
    for (let i = 1; i < text.length; i++) {
      const char = text[i];
      if (char === "\\") {
        const next = text[++i];
        if (next === "u") {
          value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
          i += 4;
        } else value += ({ n: "\n", t: "\t", '"': '"', "\\": "\\" } as Record<string, string>)[next] ?? next;
        continue;
      }
      if (char === '"') {
        expectOnlyComment(text.slice(i + 1), line);
        return value;
      }
      value += char;
    }
    throw new Error(`Line ${line}: unterminated string`);
  }
  const [token, ...comment] = text.split("#");
  expectOnlyComment(comment.length ? `#${comment.join("#")}` : "", line);
  const bare = token.trim();
  if (bare === "true") return true;
  if (bare === "false") return false;
  if (/^[+-]?(\d+)(\.\d+)?([eE][+-]?\d+)?$/.test(bare)) return Number(bare);
  throw new Error(`Line ${line}: unsupported value ${bare}`);
}

function expectOnlyComment(rest: string, line: number) {
  const trimmed = rest.trim();
  if (trimmed !== "" && !trimmed.startsWith("#")) throw new Error(`Line ${line}: unexpected text after the value: ${trimmed}`);
}
