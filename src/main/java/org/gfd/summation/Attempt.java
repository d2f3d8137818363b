package org.gfd.summation;

/** One strategy tried: its name, whether its proposal was certified, and its account. */
public record Attempt(String strategy, boolean certified, String account) {}
