/**
 * Evaluation and research tools (issue 5): retrieval metrics, the evaluation runner and its reports and plots,
 * t-SNE and its plot.
 *
 * <ul>
 *   <li>{@link org.sketchfind.engine.eval.Ranking}: a query's ranking of the gallery (Hamming by counting sort, or
 *       score), plain order = ties by ascending gallery index, with its tie groups.</li>
 *   <li>{@link org.sketchfind.engine.eval.RetrievalMetrics}: AP@all plain and tie-aware (McSherry &amp; Najork
 *       2008), AP@K (normalised by min(K, R)), P@K (plain and tie-aware), raw and interpolated PR curves.</li>
 *   <li>{@link org.sketchfind.engine.eval.Evaluation}: runs queries against a gallery (codes or real vectors) and
 *       returns a {@link org.sketchfind.engine.eval.Report}; {@link org.sketchfind.engine.eval.ReportWriter}
 *       writes JSON, CSV and PNG plots; {@link org.sketchfind.engine.eval.ReportTable} prints a terminal table;
 *       {@link org.sketchfind.engine.eval.ClassLabels} matches class names across sources.</li>
 *   <li>{@link org.sketchfind.engine.eval.BarnesHutTsne} (own implementation; no compatibly licensed, maintained
 *       Java t-SNE exists on Maven Central), {@link org.sketchfind.engine.eval.Trustworthiness},
 *       {@link org.sketchfind.engine.eval.TsnePlotWriter}.</li>
 * </ul>
 */
package org.sketchfind.engine.eval;
