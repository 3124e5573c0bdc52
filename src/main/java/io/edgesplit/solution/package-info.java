/**
 * Solutions by name (files, the validator's input) and schedules by index (what backends build), and the
 * conversion between them. Depends on the model only.
 */
package io.edgesplit.solution;
