/** Shape of a translation tree; en is typed against id so both languages always have the same keys. */
export type Tree = { [key: string]: string | Tree };
export type Dict<T> = { [K in keyof T]: T[K] extends string ? string : Dict<T[K]> } & Tree;
