/**
 * Stage 8: the {@code gfd} command line (picocli). One class per verb, shared options as mixins;
 * only results go to stdout, progress and errors to stderr; exit codes in {@link org.gfd.cli.ExitCode}.
 */
package org.gfd.cli;
