/**
 * Stage 1: models. A model is a set of tensor species (trainable Gaussian parameters, Gaussian
 * data) and a loss written as a sum of {@link org.gfd.model.TensorTerm}s: rational coefficient
 * times a product of tensor entries, summed over all values of its index labels (docs/specification.md &sect;1).
 * Delta tensors are not factors: they are written by sharing an index label.
 */
package org.gfd.model;
