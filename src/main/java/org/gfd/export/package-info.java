/**
 * Stage 6: output. Loss series and diagram lists as plain text, JSON (the stable form other tools
 * read) and LaTeX ready to paste into a paper; diagram drawings as DOT and TikZ.
 */
package org.gfd.export;
