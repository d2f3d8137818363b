/**
 * gfd: gradient-flow diagrams. The packages are the stages of one data flow, each depending only
 * on the ones before it: {@code error} (typed failures and stop reasons) &rarr; {@code algebra} (exact rationals and polynomials) &rarr; {@code model}
 * (models as sums of tensor products) &rarr; {@code network} (tensor networks, the contract-a-pair
 * primitive, canonical labelling, the time derivative D) &rarr; {@code diagram} (Wick expectation,
 * fully paired diagrams) &rarr; {@code series} (the exact loss series) &rarr; {@code scaling}
 * (exponents along rays, leading monomials) &rarr; {@code export} (text, JSON, LaTeX, DOT, TikZ)
 * &rarr; {@code api} (the verbs as Java methods) &rarr; {@code cli} (the {@code gfd} command).
 */
package org.gfd;
