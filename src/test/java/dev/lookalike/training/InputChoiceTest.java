package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.SampleImages;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.image.OpenCvLoader;
import dev.lookalike.image.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/** {@code train} picks a sensible input shape from the data when not told. */
class InputChoiceTest {

  static {
    OpenCvLoader.ensureLoaded();
  }

  /** A 64-px RGBA icon: a coloured disc-ish square on transparency, as emoji sets ship them. */
  private static byte[] icon(int i) {
    Mat mat = new Mat(64, 64, CvType.CV_8UC4, new Scalar(0, 0, 0, 0));
    mat.submat(new Rect(8 + i % 8, 8, 40, 40)).setTo(new Scalar(30 * (i % 8), 200, 60, 255));
    return TestImages.encode(".png", mat);
  }

  @Test
  void colourIconsGetThreeChannelsAndTheCappedSide(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 20; i++) {
      Files.write(dir.resolve("icon-" + i + ".png"), icon(i));
    }
    Files.writeString(dir.resolve("broken.png"), "not an image");

    InputChoice choice = InputChoice.of(new DataSource(dir.toString()), null, null);

    assertEquals(new ImageSpec(InputChoice.MAX_SIDE, 3), choice.spec());
    assertTrue(choice.reason().contains("20 of 20 sampled images in colour"), choice.reason());
    assertTrue(choice.reason().contains("median shorter side 64 px"), choice.reason());
  }

  @Test
  void greyGarmentsKeepTheirOwnSideAndOneChannel(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 12; i++) {
      Files.write(dir.resolve("g-" + i + ".png"), SampleImages.png(i));
    }

    InputChoice choice = InputChoice.of(new DataSource(dir.toString()), null, null);

    assertEquals(new ImageSpec(28, 1), choice.spec());
  }

  @Test
  void whatIsGivenWinsAndFashionMnistIsGrey28(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 4; i++) {
      Files.write(dir.resolve("icon-" + i + ".png"), icon(i));
    }
    InputChoice sized = InputChoice.of(new DataSource(dir.toString()), 16, null);
    assertEquals(new ImageSpec(16, 3), sized.spec());
    assertTrue(sized.reason().startsWith("size 16 as given, channels 3 from the data"));

    InputChoice fashion = InputChoice.of(new DataSource("fashion-mnist:train"), null, null);
    assertEquals(new ImageSpec(28, 1), fashion.spec());
    assertEquals(new ImageSpec(8, 3), InputChoice.of(new DataSource("x"), 8, 3).spec());
  }

  @Test
  void theSideIsAMultipleOfFourBetweenTheBounds() {
    assertEquals(ImageSpec.MIN_SIZE, InputChoice.sideFor(5));
    assertEquals(20, InputChoice.sideFor(23));
    assertEquals(28, InputChoice.sideFor(28));
    assertEquals(InputChoice.MAX_SIDE, InputChoice.sideFor(4000));
  }

  @Test
  void aFolderWithoutReadableImagesIsRefusedWithItsName(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.png"), "text");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputChoice.of(new DataSource(dir.toString()), null, 1));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }
}
