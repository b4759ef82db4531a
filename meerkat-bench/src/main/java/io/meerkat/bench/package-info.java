/** XMPP load generator and side-by-side benchmarks for Meerkat (never shipped in the server). */
package io.meerkat.bench;
