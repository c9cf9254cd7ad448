package dev.lookalike.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelBlendTest {

  private static final int LATENT = 8;
  private static final int SIDE = 10;

  private static FloatImage noise(Random random) {
    float[] pixels = new float[SIDE * SIDE];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return new FloatImage(SIDE, SIDE, 1, pixels);
  }

  private static float[] unitGaussian(Random random) {
    float[] code = new float[LATENT];
    for (int i = 0; i < code.length; i++) {
      code[i] = (float) random.nextGaussian();
    }
    return Vectors.unit(code);
  }

  /** Random images, and a random unit learned code for each in {@code learned}. */
  private static List<FloatImage> imagesWithCodes(Random random, float[][] learned) {
    List<FloatImage> images = new ArrayList<>();
    for (int i = 0; i < learned.length; i++) {
      images.add(noise(random));
      learned[i] = unitGaussian(random);
    }
    return images;
  }

  @Test
  void theLearnedCodesTiesAreBrokenByThePixels() {
    Random random = new Random(3);
    float[][] learned = new float[200][];
    List<FloatImage> images = imagesWithCodes(random, learned);
    learned[1] = learned[0].clone(); // two images the learned code cannot tell apart
    PixelBlend blend = PixelBlend.fit(learned, images);

    float[] twin = images.get(0).pixels().clone();
    for (int i = 0; i < twin.length; i++) {
      twin[i] = Math.min(1, twin[i] + 0.02f * (float) random.nextGaussian());
    }
    FloatImage query = new FloatImage(SIDE, SIDE, 1, twin);
    float[] code = Vectors.unit(blend.apply(learned[0], query));
    float[] first = Vectors.unit(blend.apply(learned[0], images.get(0)));
    float[] second = Vectors.unit(blend.apply(learned[1], images.get(1)));

    assertEquals(LATENT, code.length, "the latent's dimension: the index does not change");
    assertTrue(
        Vectors.dot(code, first) > Vectors.dot(code, second) + 0.05f,
        "the image whose pixels the query shares comes first: "
            + Vectors.dot(code, first)
            + " against "
            + Vectors.dot(code, second));
    assertTrue(Vectors.dot(code, first) > 0.9f, "and stays close to the query");
  }

  @Test
  void wideInputsArePooledBeforeThePca() {
    assertEquals(1, PixelBlend.poolFor(new FloatImage(28, 28, 1, new float[28 * 28])));
    assertEquals(1, PixelBlend.poolFor(new FloatImage(32, 32, 3, new float[3 * 32 * 32])));
    FloatImage wide = new FloatImage(64, 64, 3, new float[3 * 64 * 64]);
    for (int i = 0; i < wide.pixels().length; i++) {
      wide.pixels()[i] = i % 7 / 7f;
    }
    assertEquals(2, PixelBlend.poolFor(wide));
    float[] pooled = PixelBlend.pooled(wide, 2);
    assertEquals(3 * 32 * 32, pooled.length);
    // Channel 2, pooled row 5, column 9: the mean of its 2x2 square.
    float expected =
        (wide.pixel(2, 10, 18)
                + wide.pixel(2, 10, 19)
                + wide.pixel(2, 11, 18)
                + wide.pixel(2, 11, 19))
            / 4;
    assertEquals(expected, pooled[(2 * 32 + 5) * 32 + 9], 1e-6f);
    assertEquals(3, PixelBlend.poolFor(new FloatImage(65, 65, 3, new float[3 * 65 * 65])));
  }

  @Test
  void survivesJson() throws Exception {
    Random random = new Random(5);
    float[][] learned = new float[40][];
    List<FloatImage> images = imagesWithCodes(random, learned);
    PixelBlend blend = PixelBlend.fit(learned, images);
    ObjectMapper json = new ObjectMapper();
    PixelBlend read = json.readValue(json.writeValueAsString(blend), PixelBlend.class);
    assertArrayEquals(
        blend.apply(learned[3], images.get(3)), read.apply(learned[3], images.get(3)), 1e-6f);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read.apply(learned[3], new FloatImage(12, 12, 1, new float[144])));
    assertTrue(
        e.getMessage().contains("takes 100 values (pooled by 1); a 12x12x1 image gives 144"),
        e.getMessage());
  }

  @Test
  void refusesProjectionsThatDoNotFitTogether() {
    DenseProjection pixels = new DenseProjection(0.5, new float[4], new float[3][4]);
    DenseProjection blend = new DenseProjection(0, new float[6], new float[2][6]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PixelBlend(1, pixels, blend));
    assertTrue(e.getMessage().contains("the blend takes 6 values"), e.getMessage());
  }
}
