// Field paths of a scenario, as the core's problems name them ("warrant.tranches[2].priceTarget"):
// reading and writing the plain scenario object at a path. Shared by the page and the element.

/** ["warrant", "tranches", 2, "priceTarget"] from "warrant.tranches[2].priceTarget". */
export function splitPath(path) {
  const parts = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

/** The value at `path`, or undefined when any part of the way is missing. */
export function getAt(obj, path) {
  return splitPath(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

/** Sets the value at `path`; the object holding it must exist. */
export function setAt(obj, path, value) {
  const parts = splitPath(path);
  let o = obj;
  for (const k of parts.slice(0, -1)) o = o[k];
  o[parts[parts.length - 1]] = value;
}
