package dev.lookalike.app;

import dev.lookalike.collection.Originals;
import dev.lookalike.config.DatasetConfig;
import dev.lookalike.config.EngineConfig;
import dev.lookalike.config.ImageConfig;
import dev.lookalike.config.IndexConfig;
import dev.lookalike.config.ModelConfig;
import dev.lookalike.config.OpenSearchConfig;
import dev.lookalike.config.OriginalsConfig;
import dev.lookalike.config.SearchConfig;
import dev.lookalike.config.VaeConfig;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.image.DecodeBudget;
import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexEngine;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.ScratchIndexes;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.lucene.LuceneIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the parts of Lookalike from configuration, mapping the configuration to the domain's
 * records. The server's CDI producers and the CLI commands (which may override the model and index
 * directories) both build through here.
 */
public final class Components {

  /** Where a shipped VAE lives on the classpath. */
  public static final String SHIPPED_VAE = "lookalike/vae/";

  /** The configuration Components reads. */
  public record Config(
      IndexConfig index,
      ModelConfig model,
      VaeConfig vae,
      ImageConfig image,
      DatasetConfig dataset,
      SearchConfig search,
      EngineConfig engine,
      OpenSearchConfig opensearch,
      OriginalsConfig originals) {}

  private final Config config;

  /** One budget for every decode the server runs, uploads to the search and the VAE alike. */
  private final DecodeBudget decodeBudget;

  public Components(Config config) {
    this.config = config;
    this.decodeBudget =
        DecodeBudget.of(config.image().decodeBudgetMegapixels(), config.image().decodeWait());
  }

  /** The model for the configured index: see {@link #modelSource(Path, Path)}. */
  public ModelSource modelSource(Path override) {
    return modelSource(override, null);
  }

  /**
   * The model {@code override} names; otherwise the one a reindex made live for the index ({@link
   * LivePointer}; on OpenSearch, recorded in the index the alias names), the configured one, or the
   * shipped one.
   */
  public ModelSource modelSource(Path override, Path indexOverride) {
    Path dir =
        override != null
            ? override
            : livePointer(indexOverride)
                .map(LivePointer::model)
                .or(
                    () ->
                        engine() == IndexEngine.OPENSEARCH
                            ? cluster().liveModelDir()
                            : Optional.<Path>empty())
                .or(() -> config.model().dir())
                .orElse(null);
    return dir == null ? ModelSource.shipped() : ModelSource.directory(dir);
  }

  public CodeModel openModel(Path override) {
    return CodeModel.load(modelSource(override));
  }

  /** The model for the index in {@code indexOverride} (or the configured one). */
  public CodeModel openModel(Path override, Path indexOverride) {
    return CodeModel.load(modelSource(override, indexOverride));
  }

  /** The index directory {@code override} or the configured one, as a reindex may have moved it. */
  public Path indexDir(Path override) {
    return livePointer(override).map(LivePointer::index).orElse(baseIndexDir(override));
  }

  /**
   * Where uploads' bytes are kept ({@code lookalike.store-originals}): beside the configured index
   * directory, shared by every model a reindex moves the collection to.
   */
  public Originals originals() {
    if (!config.originals().storeOriginals()) {
      return Originals.none();
    }
    Path base = baseIndexDir(null).toAbsolutePath().normalize();
    return Originals.in(base.resolveSibling(base.getFileName() + ".originals"));
  }

  /** The index directory as configured (or overridden), before any reindex switched it. */
  public Path baseIndexDir(Path override) {
    return override != null ? override : config.index().dir();
  }

  /**
   * What a reindex switched to for the embedded index in {@code indexOverride} or the configured
   * one.
   */
  public Optional<LivePointer> livePointer(Path indexOverride) {
    return engine() == IndexEngine.EMBEDDED
        ? LivePointer.read(baseIndexDir(indexOverride))
        : Optional.empty();
  }

  public IndexSettings indexSettings() {
    IndexConfig index = config.index();
    return new IndexSettings(
        index.hnswMaxConn(),
        index.hnswBeamWidth(),
        index.graphDegree(),
        index.checkpointInterval());
  }

  /**
   * Search parameters with the configured defaults for what the caller left out (null k or mode):
   * the one place the REST API and the CLI take them from.
   */
  public SearchParams searchParams(Integer k, int offset, SearchMode mode, String label) {
    IndexConfig index = config.index();
    return new SearchParams(
        k == null ? config.search().defaultK() : k,
        offset,
        mode == null ? config.search().defaultMode() : mode,
        label,
        index.hybridFactor(),
        index.maxChunkRadius(),
        index.diffusion().params());
  }

  /** How searches by image put an edited copy's original first. */
  public CopyCheck copyCheck() {
    return config.search().copyCheck().check();
  }

  public IndexEngine engine() {
    return config.engine().engine();
  }

  /**
   * Opens (or creates) the index for adding and searching codes of {@code model}: the embedded one
   * in {@code override} or the configured directory, or the configured OpenSearch index.
   */
  public ImageIndex openIndex(Path override, CodeModel model) {
    return open(override, model.identity(), false);
  }

  /**
   * Opens the index for a bulk run that commits on its own schedule: the embedded index then
   * commits to Lucene on every commit, without a write-ahead log (which would write each image
   * twice), and computes the neighbour-graph lists of the run's images together when closed.
   */
  public ImageIndex openIndexForBulk(Path override, CodeModel model) {
    return engine() == IndexEngine.EMBEDDED
        ? openEmbedded(indexDir(override), model.identity(), indexSettings().forBulk())
        : cluster().open(model.identity(), true);
  }

  /**
   * Opens an existing index for searching only; it writes nothing (an embedded index takes no lock,
   * so this runs beside a server writing it).
   */
  public ImageIndex openIndexReadOnly(Path override, CodeModel model) {
    return open(override, model.identity(), true);
  }

  private ImageIndex open(Path override, ModelIdentity model, boolean readOnly) {
    return switch (engine()) {
      case EMBEDDED -> openEmbedded(indexDir(override), model, readOnly);
      case OPENSEARCH -> cluster().open(model, !readOnly);
    };
  }

  /** The embedded index in {@code dir}, whatever engine is configured (e.g. for migration). */
  public ImageIndex openEmbedded(Path dir, ModelIdentity model, boolean readOnly) {
    return readOnly ? openEmbedded(dir, model, null) : openEmbedded(dir, model, indexSettings());
  }

  /** The embedded index in {@code dir}: writable with {@code settings}, read-only when null. */
  private ImageIndex openEmbedded(Path dir, ModelIdentity model, IndexSettings settings) {
    try {
      return settings == null
          ? LuceneIndexes.openReadOnly(dir, model)
          : LuceneIndexes.open(dir, settings, model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The configured OpenSearch index and its reindexing, whatever engine is configured. */
  public ClusterIndexes cluster() {
    return new ClusterIndexes(config.opensearch(), indexSettings());
  }

  /**
   * Fresh indexes of the configured engine that vanish when closed: in memory for the embedded
   * engine (bulk-loaded: its neighbour lists come from {@link ImageIndex#finishBulk}), a uniquely
   * named index deleted on close for OpenSearch.
   */
  public ScratchIndexes scratchIndexes() {
    return switch (engine()) {
      case EMBEDDED ->
          new ScratchIndexes(
              "Lucene", model -> LuceneIndexes.inMemory(indexSettings().forBulk(), model));
      case OPENSEARCH -> new ScratchIndexes("OpenSearch", cluster()::scratch);
    };
  }

  /** The configured or shipped VAE, or empty when neither exists. */
  public Optional<VaeModel> openVae(Path override) {
    if (override == null && !config.vae().enabled()) {
      return Optional.empty();
    }
    Path dir = override != null ? override : config.vae().dir().orElse(null);
    if (dir != null) {
      return Optional.of(VaeModel.load(ModelSource.directory(dir)));
    }
    ModelSource shipped = ModelSource.classpath(SHIPPED_VAE);
    try (var probe = shipped.open(ModelFiles.MANIFEST)) {
      return Optional.of(VaeModel.load(shipped));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public ImageLimits imageLimits() {
    return new ImageLimits(config.image().maxBytes(), config.image().maxMegapixels());
  }

  /** The pipeline of the CLI, which decodes on a fixed pool of its own: no decode budget. */
  public ImagePipeline pipeline(CodeModel model) {
    return decoding(new ImagePipeline(imageLimits(), model.spec(), config.image().thumbnailSize()));
  }

  /**
   * A pipeline for the server's uploads into {@code spec}: its decodes share the server's budget
   * ({@code lookalike.image.decode-budget-megapixels}), so concurrent large uploads wait or are
   * refused with 503 instead of exhausting memory.
   */
  public ImagePipeline servingPipeline(ImageSpec spec, int thumbnailMaxSide) {
    return decoding(new ImagePipeline(imageLimits(), decodeBudget, spec, thumbnailMaxSide));
  }

  /** {@code pipeline} as {@code lookalike.image.reduced-jpeg-decoding} says JPEGs are decoded. */
  private ImagePipeline decoding(ImagePipeline pipeline) {
    return config.image().reducedJpegDecoding() ? pipeline : pipeline.withFullSizeDecoding();
  }

  /** The server's pipeline for the retrieval model's uploads. */
  public ImagePipeline servingPipeline(CodeModel model) {
    return servingPipeline(model.spec(), config.image().thumbnailSize());
  }

  /** The pixels the server is decoding right now, for metrics. */
  public DecodeBudget decodeBudget() {
    return decodeBudget;
  }

  /** Where the Fashion-MNIST files are read from when a command names the data set. */
  public Path fashionMnistDir() {
    return config.dataset().fashionMnistDir();
  }
}
