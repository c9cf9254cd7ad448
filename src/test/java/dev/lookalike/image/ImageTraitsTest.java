package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

class ImageTraitsTest {

  static {
    OpenCvLoader.ensureLoaded();
  }

  private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

  @Test
  void aGreyPictureSavedAsColourIsGrey() {
    byte[] jpeg = TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(120, 80));

    ImageTraits traits = ImageTraits.of(jpeg, decoder);

    assertEquals(80, traits.shortSide());
    assertFalse(traits.colour(), "equal channels are grey, whatever the file's colour type");
  }

  @Test
  void aRedSquareOnWhiteIsColour() {
    Mat mat = new Mat(64, 64, CvType.CV_8UC3, new Scalar(255, 255, 255));
    mat.submat(new Rect(16, 16, 32, 32)).setTo(new Scalar(0, 0, 255)); // BGR red

    ImageTraits traits = ImageTraits.of(TestImages.encode(".png", mat), decoder);

    assertEquals(64, traits.shortSide());
    assertTrue(traits.colour());
  }

  @Test
  void transparentColourIsNotColourOnceCompositedOverWhite() {
    Mat mat = new Mat(48, 64, CvType.CV_8UC4, new Scalar(0, 0, 255, 0)); // red, fully transparent
    mat.submat(new Rect(0, 0, 64, 24)).setTo(new Scalar(40, 40, 40, 255)); // opaque dark grey

    ImageTraits traits = ImageTraits.of(TestImages.encode(".png", mat), decoder);

    assertEquals(48, traits.shortSide());
    assertFalse(traits.colour(), "hidden colour under alpha 0 is not what the model sees");
  }

  @Test
  void aFewColouredPixelsDoNotMakeAPictureColour() {
    float[] pixels = new float[3 * 100];
    java.util.Arrays.fill(pixels, 0.5f);
    pixels[0] = 1f; // one red pixel in a hundred
    assertFalse(ImageTraits.isColour(new FloatImage(10, 10, 3, pixels)));
    for (int i = 0; i < 5; i++) {
      pixels[i] = 1f; // five in a hundred
    }
    assertTrue(ImageTraits.isColour(new FloatImage(10, 10, 3, pixels)));
  }
}
