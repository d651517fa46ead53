package org.sketchfind.engine;

/**
 * A backbone's pooled feature of one image.
 *
 * @param mode      "photo" (short side 256, centre crop 224) or "sketch" (padded square, resized whole)
 * @param width     the image's width as read; likewise height
 * @param feature   the global average of the feature map
 * @param logits    ImageNet logits where the backbone has a classifier, else null
 * @param top5      the indices of the five largest logits, best first (empty without logits)
 * @param msRead    time to read the image; msLoad to load the backbone; msForward preprocessing and forward pass
 * @param backbone  the backbone's name
 */
public record Embedding(String mode, int width, int height, float[] feature, float[] logits, int[] top5,
                        double msRead, double msLoad, double msForward, String backbone) {
}
