/**
 * Stage 6: output. Loss series and diagram lists as plain text, JSON (the stable form other tools
 * read) and LaTeX ready to paste into a paper; diagram drawings as DOT and TikZ. Every LaTeX output
 * compiles in an {@code article} that loads {@link org.gfd.export.Latex#REQUIRED_PACKAGES}, and its
 * first line says so.
 */
package org.gfd.export;
