import { customType } from "drizzle-orm/pg-core";

/**
 * pgvector `vector` without a fixed dimension: each embedding model writes its own dimension and
 * gets its own expression index (`(embedding::vector(N))`), so switching models needs no
 * schema change.
 */
export const anyVector = customType<{ data: number[]; driverData: string }>({
  dataType: () => "vector",
  toDriver: (value) => `[${value.join(",")}]`,
  fromDriver: (value) => JSON.parse(value) as number[],
});

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
