package dev.lookalike.collection;

import dev.lookalike.config.SampleConfig;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * The bundled sample collection (the 10,000 Fashion-MNIST test images) that a server starting on an
 * empty index indexes, so a newcomer's first search has something to find.
 */
@ApplicationScoped
public class SampleCollection {

  static final String IMAGES = "lookalike/sample/t10k-images-idx3-ubyte.gz";
  static final String LABELS = "lookalike/sample/t10k-labels-idx1-ubyte.gz";

  private static final Logger LOG = Logger.getLogger(SampleCollection.class);

  private final SampleConfig config;
  private volatile boolean settled;

  @Inject
  public SampleCollection(SampleConfig config) {
    this.config = config;
  }

  /**
   * Indexes the sample into {@code index} if enabled and the index is empty; returns how many
   * images were added.
   */
  public synchronized int ensureIndexed(ImagePipeline pipeline, CodeModel model, ImageIndex index) {
    try {
      if (!config.enabled() || index.count() > 0) {
        return 0;
      }
      LabeledImages sample = load().head(config.limit());
      LOG.infof("Empty index: adding %d sample images (Fashion-MNIST test set)", sample.size());
      IndexingReport report;
      try (FailureLog failures = FailureLog.inMemory()) {
        report =
            new BulkIndexer(
                    pipeline,
                    model,
                    index,
                    new BulkIndexer.Settings(2, 256, false, CommitPolicy.DEFAULT),
                    ProgressListener.NONE)
                .index(IndexInputs.images(sample), failures);
      }
      LOG.infof("Sample indexed: %d images in %.1f s", report.added(), report.seconds());
      return (int) report.added();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the sample collection: " + e.getMessage(), e);
    } finally {
      settled = true;
    }
  }

  /** True once the sample question is settled (indexed, present already, or disabled). */
  public boolean settled() {
    return settled || !config.enabled();
  }

  public static LabeledImages load() throws IOException {
    ClassLoader loader = SampleCollection.class.getClassLoader();
    try (InputStream images = loader.getResourceAsStream(IMAGES);
        InputStream labels = loader.getResourceAsStream(LABELS)) {
      if (images == null || labels == null) {
        throw new IOException(
            "the sample collection is missing from the classpath (" + IMAGES + ")");
      }
      return FashionMnist.load(FashionMnist.Split.TEST.sourceName(), images, labels);
    }
  }
}
