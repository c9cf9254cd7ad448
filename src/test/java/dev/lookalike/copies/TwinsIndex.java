package dev.lookalike.copies;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.Codes;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.Thumbnailer;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.lucene.LuceneIndexes;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A real index of {@link NearTwins} ("img0", "img1", …) whose codes know nothing of the pixels
 * (random latents, ITQ-coded), so that whatever a test's copy check finds, it found by the pixels.
 *
 * @param query a code of the same kind to search with
 */
record TwinsIndex(List<FloatImage> images, ImageIndex index, Codes query) implements Closeable {

  static final ModelIdentity MODEL = new ModelIdentity("model-a", 16, 64);

  /**
   * @param thumbnails whether each image is stored with its thumbnail (and so its sketch)
   */
  static TwinsIndex open(Path dir, int images, long imageSeed, long codeSeed, boolean thumbnails)
      throws IOException {
    List<FloatImage> twins = NearTwins.of(images / 4, 4, imageSeed);
    Random random = new Random(codeSeed);
    float[][] latents = new float[images + 1][MODEL.latent()];
    for (float[] latent : latents) {
      for (int d = 0; d < latent.length; d++) {
        latent[d] = (float) random.nextGaussian();
      }
    }
    Coder coder = new Coder(Binarizer.fit(latents, MODEL.bits(), BinarizerMethod.ITQ, 1));
    Thumbnailer thumbnailer = new Thumbnailer();
    ImageIndex index = LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL);
    List<ImageRecord> records = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      byte[] png = thumbnails ? thumbnailer.pngFromFloatImage(twins.get(i)) : null;
      records.add(
          new ImageRecord("img" + i, "test:" + i, null, Map.of(), png, coder.code(latents[i])));
    }
    index.add(records);
    index.commit();
    return new TwinsIndex(twins, index, coder.code(latents[images]));
  }

  FloatImage image(String id) {
    return images.get(Integer.parseInt(id.substring(3)));
  }

  /** The candidates' pixels, as the server decodes them from the thumbnails. */
  Map<String, FloatImage> pixels(List<String> ids) {
    Map<String, FloatImage> pixels = new HashMap<>();
    for (String id : ids) {
      pixels.put(id, image(id));
    }
    return pixels;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
