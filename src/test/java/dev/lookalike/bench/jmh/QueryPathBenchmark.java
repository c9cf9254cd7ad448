package dev.lookalike.bench.jmh;

import dev.lookalike.codes.Codes;
import dev.lookalike.collection.ImageCollection;
import dev.lookalike.collection.SampleCollection;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.copies.CopyFirst;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.Thumbnailer;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.lucene.LuceneIndexes;
import dev.lookalike.search.SearchResponse;
import dev.lookalike.search.SearchService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where one search by image spends its time, in process and single-threaded: decoding the upload,
 * encoding it, the index's search in each mode, the whole search with and without the copy check,
 * and the check's reading and decoding of its candidates' thumbnails on its own, over the bundled
 * 10,000-image sample indexed with the shipped model in a temporary directory. The queries are
 * images of the collection, so the check finds their originals. The HTTP figures ({@code bench})
 * add the transport and the load generator on top of these.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class QueryPathBenchmark {

  /** Queries, every 150th image of the sample. */
  private static final int QUERIES = 64;

  @Param({"diffusion", "hybrid", "dense"})
  public String mode;

  private CodeModel model;
  private ImagePipeline pipeline;
  private Path directory;
  private ImageIndex index;
  private SearchService checked;
  private SearchService unchecked;
  private SearchParams params;
  private final List<byte[]> uploads = new ArrayList<>();
  private final List<FloatImage> inputs = new ArrayList<>();
  private final List<Codes> codes = new ArrayList<>();

  /** Per query, the ids the check compares: the mode's first 30 and the dense code's first 30. */
  private final List<List<String>> candidates = new ArrayList<>();

  /** The candidates' pixels decoded once, to time the check without reading the index. */
  private final Map<String, FloatImage> decoded = new HashMap<>();

  private int next;

  @Setup(Level.Trial)
  public void index() throws IOException {
    model = CodeModel.load(ModelSource.shipped());
    pipeline = ImagePipeline.withDefaults(model.spec());
    // on disk, memory-mapped, as the server holds it
    directory = Files.createTempDirectory("lookalike-jmh");
    index = LuceneIndexes.open(directory, IndexSettings.defaults(), model.identity());
    LabeledImages sample = SampleCollection.load();
    Thumbnailer png = new Thumbnailer(28);
    ImageCollection collection = new ImageCollection(pipeline, model, index);
    List<ImageCollection.Upload> batch = new ArrayList<>();
    for (int i = 0; i < sample.size(); i++) {
      batch.add(
          new ImageCollection.Upload(
              png.pngFromFloatImage(sample.images().get(i)),
              sample.labelName(i),
              "fashion-mnist:test#" + i));
      if (batch.size() == ImageCollection.MAX_BATCH || i == sample.size() - 1) {
        collection.addAll(batch, false);
        batch.clear();
      }
    }
    for (int q = 0; q < QUERIES; q++) {
      byte[] upload = png.pngFromFloatImage(sample.images().get(q * 150));
      uploads.add(upload);
      inputs.add(pipeline.toInput(upload));
      codes.add(model.codes(inputs.getLast()));
    }
    SearchParams pool = SearchParams.of(CopyCheck.DEFAULT_CANDIDATES, SearchMode.parse(mode));
    for (Codes code : codes) {
      Set<String> ids = new LinkedHashSet<>();
      for (SearchMode each : List.of(pool.mode(), SearchMode.DENSE)) {
        index.search(code, pool.inMode(each)).stream().map(Hit::id).forEach(ids::add);
      }
      candidates.add(List.copyOf(ids));
      decoded.putAll(candidatePixels(candidates.getLast()));
    }
    checked = new SearchService(pipeline, model, index, CopyCheck.DEFAULT);
    unchecked = new SearchService(pipeline, model, index, CopyCheck.OFF);
    params = SearchParams.of(10, SearchMode.parse(mode));
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    index.close();
    model.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private int next() {
    next = (next + 1) % QUERIES;
    return next;
  }

  /** PNG bytes to the model's input pixels. */
  @Benchmark
  public FloatImage decode() {
    return pipeline.toInput(uploads.get(next()));
  }

  /** Input pixels to dense and binary codes. */
  @Benchmark
  public Codes encode() {
    return model.codes(inputs.get(next()));
  }

  /** The index's search in {@link #mode}, from the codes. */
  @Benchmark
  public Object search() throws IOException {
    return index.search(codes.get(next()), params);
  }

  /** Upload bytes to hits, as the server's default answers: with the copy check. */
  @Benchmark
  public SearchResponse searchByImageChecked() throws IOException {
    return checked.search(uploads.get(next()), params);
  }

  /** The check's first step: its candidates' stored thumbnails, read from the index. */
  @Benchmark
  public Map<String, byte[]> checkThumbnails() throws IOException {
    return index.thumbnails(candidates.get(next()));
  }

  /** The thumbnails read and decoded to the model's input pixels, as the server does. */
  @Benchmark
  public Map<String, FloatImage> checkPixels() throws IOException {
    return candidatePixels(candidates.get(next()));
  }

  /** Codes to hits with the check, the candidates' pixels already in memory. */
  @Benchmark
  public List<Hit> checkedSearchPixelsInMemory() throws IOException {
    int q = next();
    return new CopyFirst(CopyCheck.DEFAULT)
        .search(index, codes.get(q), inputs.get(q), params, ids -> decoded);
  }

  private Map<String, FloatImage> candidatePixels(List<String> ids) throws IOException {
    Map<String, FloatImage> pixels = new HashMap<>();
    for (Map.Entry<String, byte[]> thumbnail : index.thumbnails(ids).entrySet()) {
      pixels.put(thumbnail.getKey(), pipeline.toInput(thumbnail.getValue()));
    }
    return pixels;
  }

  /** Upload bytes to hits without the copy check. */
  @Benchmark
  public SearchResponse searchByImageUnchecked() throws IOException {
    return unchecked.search(uploads.get(next()), params);
  }
}
