/**
 * Stage 7: the Java API. {@link org.gfd.api.Gfd} has one method per verb of the command line, so
 * that a Java user gets exactly what {@code gfd} prints.
 */
package org.gfd.api;
