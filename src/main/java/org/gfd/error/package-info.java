/**
 * The first stage, under all others: the typed failures of gfd. Every failure that a user can
 * cause or meet is a {@link org.gfd.error.GfdException} of one {@link org.gfd.error.GfdException.Kind}
 * (bad input, stopped at a limit); a failed check is a result, not an exception; anything else
 * that escapes is a bug. The command line maps kinds to exit codes in one place.
 */
package org.gfd.error;
