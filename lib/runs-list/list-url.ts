// The runs list's state lives in the URL (/?q=&sort=&dir=&…&cursor=): links
// for sorting, filtering and paging are built here. Pure and free of zod so
// the list's small client components can use it too.

/** Every query parameter of the runs list page, in the order links write them. */
export const LIST_PARAM_KEYS = ["q", "imagesMin", "imagesMax", "learningRate", "batchSize", "picked", "verdict", "tag", "source", "sort", "dir", "limit", "cursor"] as const;
export type ListParamKey = (typeof LIST_PARAM_KEYS)[number];
export type ListParams = Partial<Record<ListParamKey, string>>;

/** The parameters that narrow the list (a reset clears them). */
export const LIST_FILTER_KEYS: readonly ListParamKey[] = ["q", "imagesMin", "imagesMax", "learningRate", "batchSize", "picked", "verdict", "tag", "source"];

/** The sort the list has when the URL names none. */
export const LIST_DEFAULT_SORT = "createdAt";

/** The direction a column sorts in first: names A→Z, everything else largest or newest first. */
export function defaultDirection(sort: string): "asc" | "desc" {
  return sort === "name" ? "asc" : "desc";
}

/** Only the list's own parameters, first value of each, empty ones dropped. */
export function pickListParams(searchParams: Record<string, string | string[] | undefined> | URLSearchParams): ListParams {
  const params: ListParams = {};
  for (const key of LIST_PARAM_KEYS) {
    const raw = searchParams instanceof URLSearchParams ? searchParams.get(key) : searchParams[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) params[key] = value;
  }
  return params;
}

/**
 * The list's URL after some changes. Any change but paging starts again from
 * the first page (the cursor belongs to the old order and filters).
 * @example listHref({ q: "cat", cursor: "x" }, { sort: "images" }) // → "/?q=cat&sort=images"
 */
export function listHref(current: ListParams, changes: Partial<Record<ListParamKey, string | undefined>> = {}): string {
  const next: ListParams = { ...current };
  if (!("cursor" in changes)) delete next.cursor;
  for (const [key, value] of Object.entries(changes) as [ListParamKey, string | undefined][]) {
    if (value === undefined || value === "") delete next[key];
    else next[key] = value;
  }
  const search = new URLSearchParams();
  for (const key of LIST_PARAM_KEYS) if (next[key] !== undefined) search.set(key, next[key]!);
  const text = search.toString();
  return text ? `/?${text}` : "/";
}

export interface SortLink {
  href: string;
  /** The column's aria-sort value. */
  ariaSort: "ascending" | "descending" | "none";
}

/** A column header's link: the first click sorts by it, the next reverses the direction. */
export function sortLink(current: ListParams, column: string): SortLink {
  const activeSort = current.sort ?? LIST_DEFAULT_SORT;
  const activeDir = current.dir ?? defaultDirection(activeSort);
  if (activeSort !== column) {
    return { href: listHref(current, { sort: column === LIST_DEFAULT_SORT ? undefined : column, dir: undefined }), ariaSort: "none" };
  }
  const flipped = activeDir === "asc" ? "desc" : "asc";
  return {
    href: listHref(current, { sort: column === LIST_DEFAULT_SORT ? undefined : column, dir: flipped === defaultDirection(column) ? undefined : flipped }),
    ariaSort: activeDir === "asc" ? "ascending" : "descending",
  };
}

/** True when the URL narrows the list (so an empty page means "no match", not "no runs"). */
export function hasFilters(params: ListParams): boolean {
  return LIST_FILTER_KEYS.some((key) => params[key] !== undefined);
}

/** The changes that clear every filter (for listHref): the sort and page size stay. */
export function clearedFilters(): Partial<Record<ListParamKey, undefined>> {
  return Object.fromEntries(LIST_FILTER_KEYS.map((key) => [key, undefined]));
}
