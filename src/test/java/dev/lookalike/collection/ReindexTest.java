package dev.lookalike.collection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.SampleImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.lucene.LuceneIndexes;
import dev.lookalike.training.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Reindex}: a collection of files, an upload and data set records moves to a model of
 * another input size with every id, URI, label and metadata kept, each image encoded by the new
 * model from its source — or from its thumbnail when the source is gone or changed.
 */
class ReindexTest {

  @TempDir static Path dir;

  private static CodeModel oldModel;
  private static CodeModel newModel;
  private static ImagePipeline oldPipeline;
  private static ImagePipeline newPipeline;

  @BeforeAll
  static void models() throws IOException {
    oldModel = CodeModel.load(ModelSource.shipped());
    newModel = CodeModel.load(ModelSource.directory(TinyModels.train(dir, 16, 7)));
    oldPipeline = ImagePipeline.withDefaults(oldModel.spec());
    newPipeline = ImagePipeline.withDefaults(newModel.spec());
  }

  @AfterAll
  static void close() {
    oldModel.close();
    newModel.close();
  }

  private static Path garments(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < 10; i++) {
      Files.write(folder.resolve("garment-" + i + ".png"), SampleImages.png(i));
    }
    return folder;
  }

  private static Reindex reindex(ImageIndex live, ImageIndex target) {
    return new Reindex(
        live, target, newPipeline, newModel, new ImageSources(dir.resolve("no-idx-files")), 2);
  }

  private static float[] newCodes(byte[] png) {
    return newModel.codes(newPipeline.toInput(png)).dense();
  }

  @Test
  void everyImageMovesWithItsIdentityFromItsSourceOrItsThumbnail(@TempDir Path work)
      throws IOException {
    Path files = garments(work.resolve("files"));
    try (ImageIndex live = LuceneIndexes.inMemory(IndexSettings.defaults(), oldModel.identity());
        ImageIndex target = LuceneIndexes.inMemory(IndexSettings.defaults(), newModel.identity());
        FailureLog failures = FailureLog.inMemory()) {
      BulkIndexer.Settings settings = new BulkIndexer.Settings(1, 64, false, CommitPolicy.DEFAULT);
      new BulkIndexer(oldPipeline, oldModel, live, settings, ProgressListener.NONE)
          .index(IndexInputs.files(List.of(files)), failures);
      new BulkIndexer(oldPipeline, oldModel, live, settings, ProgressListener.NONE)
          .index(IndexInputs.images(SampleCollection.load().head(5)), failures);
      ImageCollection uploads = new ImageCollection(oldPipeline, oldModel, live);
      String upload = uploads.add(SampleImages.png(50), "Shirt", null, Map.of("shelf", "3"));
      // after indexing: one file changes, one disappears
      Files.write(files.resolve("garment-0.png"), SampleImages.png(77));
      Files.delete(files.resolve("garment-1.png"));
      // an image the live index no longer has, left in the target by an earlier run
      target.add(
          List.of(
              new ImageRecord(
                  "stale",
                  "upload:stale",
                  null,
                  Map.of(),
                  null,
                  newModel.codes(newPipeline.toInput(SampleImages.png(5))))));

      Reindex.Report report = reindex(live, target).build(failures, ProgressListener.NONE);

      assertEquals(0, failures.count(), () -> failures.kept().toString());
      assertEquals(16, report.indexing().added());
      assertEquals(8 + 5, report.fromSource(), "8 files unchanged and 5 data set records");
      assertEquals(3, report.fromThumbnail(), "the changed file, the gone one and the upload");
      assertEquals(1, report.removed(), "the stale image");
      assertEquals(live.count(), target.count());

      IndexedImage moved = target.get(upload).orElseThrow();
      assertEquals("upload:" + upload, moved.image().uri());
      assertEquals("Shirt", moved.image().label());
      assertEquals(Map.of("shelf", "3"), moved.image().metadata());
      String record = ImageIds.forUri("fashion-mnist:test#3");
      assertEquals(
          live.get(record).orElseThrow().image().label(),
          target.get(record).orElseThrow().image().label());
      assertArrayEquals(
          newModel.codes(newPipeline.toInput(SampleCollection.load().images().get(3))).dense(),
          target.get(record).orElseThrow().codes().dense(),
          1e-4f,
          "a data set record: read again from the bundled sample");
      assertArrayEquals(
          newCodes(SampleImages.png(2)),
          target
              .get(ImageIds.forUri(files.resolve("garment-2.png").toUri().toString()))
              .orElseThrow()
              .codes()
              .dense(),
          1e-4f,
          "an unchanged file: the new model's codes of the file");
      assertArrayEquals(
          newCodes(SampleImages.png(0)),
          target
              .get(ImageIds.forUri(files.resolve("garment-0.png").toUri().toString()))
              .orElseThrow()
              .codes()
              .dense(),
          1e-4f,
          "a changed file: the codes of the image that was indexed (its thumbnail), not the new"
              + " file");
      assertFalse(target.get("stale").isPresent());

      Reindex.Report again = reindex(live, target).build(failures, ProgressListener.NONE);
      assertEquals(0, again.indexing().added(), "a second build resumes: nothing left to do");
      assertEquals(16, again.indexing().skipped());
    }
  }

  @Test
  void catchUpCarriesOverWhatChangedWhileTheBuildRan(@TempDir Path work) throws IOException {
    try (ImageIndex live = LuceneIndexes.inMemory(IndexSettings.defaults(), oldModel.identity());
        ImageIndex target = LuceneIndexes.inMemory(IndexSettings.defaults(), newModel.identity());
        FailureLog failures = FailureLog.inMemory()) {
      ChangeLog changes = new ChangeLog();
      ImageCollection uploads =
          new ImageCollection(oldPipeline, oldModel, live, changes, Originals.none());
      String kept = uploads.add(SampleImages.png(10), null, null, Map.of());
      String deletedLater = uploads.add(SampleImages.png(11), null, null, Map.of());
      Reindex reindex = reindex(live, target);
      changes.start();
      reindex.build(failures, ProgressListener.NONE);
      String addedLater = uploads.add(SampleImages.png(12), "late", null, Map.of());
      uploads.delete(deletedLater);

      Set<String> changed = changes.stop();
      assertEquals(Set.of(addedLater, deletedLater), changed);
      Reindex.Report report = reindex.catchUp(changed, failures);

      assertEquals(1, report.indexing().added());
      assertEquals(1, report.removed());
      assertTrue(target.get(kept).isPresent());
      assertTrue(target.get(addedLater).isPresent());
      assertFalse(target.get(deletedLater).isPresent());
      assertEquals(live.count(), target.count());
      assertEquals(Set.of(), changes.stop(), "stopped: records nothing more");
    }
  }

  @Test
  void anUploadWhoseOriginalWasKeptIsEncodedFromIt(@TempDir Path work) throws IOException {
    Originals originals = Originals.in(work.resolve("originals"));
    byte[] large = SampleImages.largePng(7, 300);
    try (ImageIndex live = LuceneIndexes.inMemory(IndexSettings.defaults(), oldModel.identity());
        ImageIndex withOriginals =
            LuceneIndexes.inMemory(IndexSettings.defaults(), newModel.identity());
        ImageIndex withoutOriginals =
            LuceneIndexes.inMemory(IndexSettings.defaults(), newModel.identity());
        FailureLog failures = FailureLog.inMemory()) {
      ImageCollection uploads =
          new ImageCollection(oldPipeline, oldModel, live, new ChangeLog(), originals);
      String upload = uploads.add(large, null, null, Map.of());
      String gone = uploads.add(SampleImages.png(8), null, null, Map.of());
      assertTrue(uploads.delete(gone));
      assertTrue(originals.read(upload).isPresent());
      assertTrue(originals.read(gone).isEmpty(), "a deleted image's original is forgotten");

      Reindex.Report kept =
          new Reindex(
                  live,
                  withOriginals,
                  newPipeline,
                  newModel,
                  new ImageSources(dir.resolve("no-idx-files"), originals),
                  1)
              .build(failures, ProgressListener.NONE);
      Reindex.Report thumbnails =
          reindex(live, withoutOriginals).build(failures, ProgressListener.NONE);

      assertEquals(0, failures.count(), () -> failures.kept().toString());
      assertEquals(List.of(1L, 0L), List.of(kept.fromSource(), kept.fromThumbnail()));
      assertEquals(List.of(0L, 1L), List.of(thumbnails.fromSource(), thumbnails.fromThumbnail()));
      float[] fromOriginal = withOriginals.get(upload).orElseThrow().codes().dense();
      assertArrayEquals(
          newCodes(large), fromOriginal, 1e-4f, "the new model's codes of the upload");
      float[] fromThumbnail = withoutOriginals.get(upload).orElseThrow().codes().dense();
      float differs = 0;
      for (int i = 0; i < fromOriginal.length; i++) {
        differs = Math.max(differs, Math.abs(fromOriginal[i] - fromThumbnail[i]));
      }
      assertTrue(differs > 1e-3f, "the thumbnail lost detail the original has: " + differs);
    }
  }
}
