/**
 * The model zoo (docs/zoo.md): DNNs generated from their architecture definitions. Depends on the model package
 * only.
 */
package io.edgesplit.zoo;
