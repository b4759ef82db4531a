package io.meerkat.cets;

/** How a table stores records per key. */
public enum TableType {
  /** At most one record per key; reads are in key order (prefix and range scans). */
  ORDERED_SET,
  /** Any number of distinct records per key; an equal record is stored once. */
  BAG
}
