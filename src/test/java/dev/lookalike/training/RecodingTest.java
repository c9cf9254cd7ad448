package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecodingTest {

  private static Recoding.Request request(
      Path model, Path out, DenseCode dense, Integer bits, BinarizerMethod binarizer) {
    return new Recoding.Request(
        ModelSource.directory(model), out, dense, bits, binarizer, null, null, "lookalike recode");
  }

  @Test
  void refitsTheCodesOfTheSameNetworkIntoANewModel(@TempDir Path dir) throws IOException {
    Path trained = TinyModels.train(dir, 16, 1); // whitened dense code, 16-bit ITQ
    Path recoded = dir.resolve("unit");
    Recoding.Result result =
        new Recoding((file, why) -> {})
            .recode(request(trained, recoded, DenseCode.UNIT, 24, BinarizerMethod.MEDIAN));

    assertEquals(24, result.fittedOn(), "fitted on the training data model.json names");
    assertArrayEquals(
        Files.readAllBytes(trained.resolve(ModelFiles.WEIGHTS)),
        Files.readAllBytes(recoded.resolve(ModelFiles.WEIGHTS)));
    List<FloatImage> images = TinyImages.squares(4, 16, 5);
    try (CodeModel before = CodeModel.load(ModelSource.directory(trained));
        CodeModel after = CodeModel.load(ModelSource.directory(recoded))) {
      assertNotEquals(before.fingerprint(), after.fingerprint(), "new codes, new identity");
      assertTrue(before.coder().projection().isPresent());
      assertTrue(after.coder().projection().isEmpty());
      assertEquals(24, after.manifest().bits());
      assertEquals(BinarizerMethod.MEDIAN, after.manifest().binarizer().method());
      assertEquals(
          before.manifest().command() + " && lookalike recode", after.manifest().command());
      assertEquals(before.manifest().training(), after.manifest().training());

      float[][] latents = before.latents(images);
      assertArrayEquals(latents[0], after.latents(images)[0], "the same network");
      assertArrayEquals(Vectors.unit(latents[0]), after.codes(images).get(0).dense(), 1e-6f);
      float[] whitened = before.codes(images).get(0).dense();
      assertArrayEquals(before.coder().dense(latents[0], images.get(0)), whitened, 1e-6f);
      assertTrue(Vectors.dot(whitened, Vectors.unit(latents[0])) < 0.999f, "whitening changed it");
    }
  }

  @Test
  void blendsInThePixelsAndTheLoadedModelCodesWithThem(@TempDir Path dir) throws IOException {
    Path trained = TinyModels.train(dir, 16, 3);
    Path plain = dir.resolve("whitened");
    Path recoded = dir.resolve("blended");
    Recoding recoding = new Recoding((file, why) -> {});
    recoding.recode(request(trained, plain, DenseCode.WHITENED, null, null));
    recoding.recode(request(trained, recoded, DenseCode.BLENDED, null, null));
    String json = Files.readString(recoded.resolve(ModelFiles.MANIFEST));
    assertTrue(json.contains("\"blend\""), "model.json records the blend");
    List<FloatImage> images = TinyImages.squares(4, 16, 6);
    try (CodeModel before = CodeModel.load(ModelSource.directory(plain));
        CodeModel after = CodeModel.load(ModelSource.directory(recoded))) {
      assertTrue(before.coder().blend().isEmpty());
      assertTrue(after.coder().blend().isPresent());
      float[] blended = after.codes(images).get(1).dense();
      float[] learned = before.codes(images).get(1).dense();
      assertEquals(learned.length, blended.length, "the index's vector dimension is kept");
      assertEquals(1.0, Vectors.dot(blended, blended), 1e-5);
      assertTrue(Vectors.dot(blended, learned) < 0.999f, "the pixels changed the code");
      float[] latent = after.latents(images)[1];
      assertArrayEquals(after.coder().dense(latent, images.get(1)), blended, 1e-6f);
      assertArrayEquals(
          blended,
          after.encode(images).get(1).codes().dense(),
          1e-6f,
          "indexing codes the same way as searching");
    }
    // A model.json whose input size does not fit its blend is refused when it is read.
    String colour = json.replaceFirst("\"channels\" ?: ?1", "\"channels\":3");
    assertNotEquals(json, colour, "a grey model");
    Files.writeString(recoded.resolve(ModelFiles.MANIFEST), colour);
    Exception refused =
        assertThrows(Exception.class, () -> CodeModel.load(ModelSource.directory(recoded)));
    assertTrue(
        String.valueOf(refused.getMessage()).contains("pixel blend")
            || String.valueOf(refused.getCause()).contains("pixel blend"),
        String.valueOf(refused));
  }

  @Test
  void keepsWhatItIsNotAskedToChange(@TempDir Path dir) throws IOException {
    Path trained = TinyModels.train(dir, 16, 2);
    Path recoded = dir.resolve("again");
    new Recoding((file, why) -> {})
        .recode(request(trained, recoded, DenseCode.DEFAULT, null, null));
    try (CodeModel before = CodeModel.load(ModelSource.directory(trained));
        CodeModel after = CodeModel.load(ModelSource.directory(recoded))) {
      assertEquals(before.manifest().bits(), after.manifest().bits());
      assertEquals(before.manifest().binarizer(), after.manifest().binarizer());
      assertEquals(before.coder().projection(), after.coder().projection());
      assertEquals(before.coder().blend(), after.coder().blend());
    }
  }

  @Test
  void refusesABitLengthNoIndexCanHold(@TempDir Path dir) {
    assertThrows(
        IllegalArgumentException.class,
        () -> request(dir, dir.resolve("out"), DenseCode.UNIT, 12, null));
  }
}
