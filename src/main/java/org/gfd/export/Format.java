package org.gfd.export;

/** Output formats of results. */
public enum Format {
  TEXT, JSON, LATEX
}
