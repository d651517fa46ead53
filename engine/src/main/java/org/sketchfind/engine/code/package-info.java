/**
 * The binary code format every layer shares (Eq. 9): {@link org.sketchfind.engine.code.Codes}. A foundation
 * package: it depends on nothing else of the engine, and the models, the trainer, evaluation and the index all
 * read and write codes through it.
 */
package org.sketchfind.engine.code;
