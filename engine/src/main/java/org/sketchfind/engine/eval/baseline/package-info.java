/**
 * Baselines of issue 5, each measured exactly like a model: fitted on SEEN-class features only, then unseen sketches
 * (queries) against unseen photos (gallery) through {@link org.sketchfind.engine.eval.Evaluation}.
 *
 * <p>Inputs are plain arrays ({@link org.sketchfind.engine.eval.baseline.FeatureSet}): pooled backbone features of
 * sketches and photos (512-d SqueezeNet in the application), int class labels and class word vectors (GloVe 100-d).
 * The zero-shot rule is enforced by type: {@link org.sketchfind.engine.eval.baseline.Baseline#fit} only takes
 * {@link org.sketchfind.engine.eval.baseline.TrainingFeatures}, whose factory refuses any unseen-class item, and
 * hyper-parameters (ridge and SAE λ) are chosen on held-out SEEN classes.
 *
 * <ul>
 *   <li>{@link org.sketchfind.engine.eval.baseline.ImagenetCosine} ({@code imagenet-cosine}): features as they are,
 *       cosine.</li>
 *   <li>{@link org.sketchfind.engine.eval.baseline.ItqBaseline} ({@code itq}): {@link
 *       org.sketchfind.engine.model.ItqHasher} (Gong &amp; Lazebnik 2011) fitted on both modalities pooled, Hamming.
 *       </li>
 *   <li>{@link org.sketchfind.engine.eval.baseline.DshBaseline} ({@code dsh}): DSH-style cross-modal hashing (Liu et
 *       al. 2017) on frozen features; simplifications listed in its Javadoc.</li>
 *   <li>{@link org.sketchfind.engine.eval.baseline.RidgeSemanticBaseline} ({@code ridge-glove}) and
 *       {@link org.sketchfind.engine.eval.baseline.SaeBaseline} ({@code sae}; Kodirov et al. 2017): linear maps into
 *       the word-vector space, cosine.</li>
 *   <li>{@link org.sketchfind.engine.eval.baseline.Baselines#runAll}: all of them on one feature set;
 *       {@link org.sketchfind.engine.eval.baseline.PaperTable}: the paper's Table 1/2 layout in Markdown.</li>
 * </ul>
 *
 * <p>Heavy one-off linear algebra (covariance, eigen-decompositions, SVD) runs on ND4J/LAPACK in double precision;
 * the many small products of DSH's training run in plain Java ({@code Dense}), which on shared cores was two orders
 * of magnitude faster than dispatching small ND4J ops. ITQ is the search path's own
 * {@link org.sketchfind.engine.model.ItqHasher} (plain Java, double precision).
 */
package org.sketchfind.engine.eval.baseline;
