package dev.lookalike.image;

/**
 * The one entry point other packages use to turn uploads (or idx records) into model input and
 * thumbnails.
 *
 * <p>It fixes the decode settings for a spec so that indexing ({@link #prepare(byte[])}) and
 * querying ({@link #toInput(byte[])}) produce identical input from identical bytes: a JPEG is
 * reduced by the same factor on both paths, even though the query needs no thumbnail, because a
 * different reduction would shift pixel values and with them the codes. Every OpenCV mat it creates
 * is released before it returns.
 *
 * <p>Thread-safe: it holds only immutable collaborators.
 */
public final class ImagePipeline {

  private final ImageDecoder decoder;
  private final ImagePreprocessor preprocessor;
  private final Thumbnailer thumbnailer;
  private final DecodeHint hint;

  /**
   * @param limits what uploads may be
   * @param spec the model input to produce
   * @param thumbnailMaxSide the longest side of thumbnails, 1 to {@link Thumbnailer#LIMIT_MAX_SIDE}
   */
  public ImagePipeline(ImageLimits limits, ImageSpec spec, int thumbnailMaxSide) {
    this(limits, DecodeBudget.unlimited(), spec, thumbnailMaxSide);
  }

  /**
   * @param budget bounds the pixels this pipeline (and any other sharing it) decodes at once
   */
  public ImagePipeline(
      ImageLimits limits, DecodeBudget budget, ImageSpec spec, int thumbnailMaxSide) {
    this(
        new ImageDecoder(limits, budget),
        new ImagePreprocessor(spec),
        new Thumbnailer(thumbnailMaxSide),
        new DecodeHint(spec.size(), thumbnailMaxSide));
  }

  private ImagePipeline(
      ImageDecoder decoder,
      ImagePreprocessor preprocessor,
      Thumbnailer thumbnailer,
      DecodeHint hint) {
    OpenCvLoader.ensureLoaded();
    this.decoder = decoder;
    this.preprocessor = preprocessor;
    this.thumbnailer = thumbnailer;
    this.hint = hint;
  }

  /**
   * The same pipeline decoding every JPEG at full size, never reduced: slower for large photos, and
   * its inputs differ slightly from a reducing pipeline's, so index and query with the same choice.
   */
  public ImagePipeline withFullSizeDecoding() {
    return new ImagePipeline(decoder, preprocessor, thumbnailer, DecodeHint.fullSize());
  }

  /** Default limits and a {@link Thumbnailer#DEFAULT_MAX_SIDE} thumbnail. */
  public static ImagePipeline withDefaults(ImageSpec spec) {
    return new ImagePipeline(ImageLimits.defaults(), spec, Thumbnailer.DEFAULT_MAX_SIDE);
  }

  /** The model input this pipeline produces. */
  public ImageSpec spec() {
    return preprocessor.spec();
  }

  /** The limits uploads are held to. */
  public ImageLimits limits() {
    return decoder.limits();
  }

  /** The longest side of the thumbnails this pipeline makes. */
  public int thumbnailMaxSide() {
    return thumbnailer.maxSide();
  }

  /**
   * Decodes an upload into model input, a thumbnail and its original size.
   *
   * @throws InvalidImageException when the bytes are empty, too large, not an image or damaged
   */
  public PreparedImage prepare(byte[] bytes) {
    try (DecodedImage decoded = decoder.decode(bytes, hint)) {
      FloatImage input = preprocessor.toInput(decoded.mat());
      byte[] thumbnail = thumbnailer.png(decoded.mat());
      return new PreparedImage(input, thumbnail, decoded.originalWidth(), decoded.originalHeight());
    }
  }

  /**
   * Decodes an upload into model input only, exactly as {@link #prepare(byte[])} would.
   *
   * @throws InvalidImageException when the bytes are empty, too large, not an image or damaged
   */
  public FloatImage toInput(byte[] bytes) {
    try (DecodedImage decoded = decoder.decode(bytes, hint)) {
      return preprocessor.toInput(decoded.mat());
    }
  }

  /** Prepares a picture that is already floats, such as an idx data set record. */
  public PreparedImage prepare(FloatImage image) {
    FloatImage input = preprocessor.toInput(image);
    byte[] thumbnail = thumbnailer.pngFromFloatImage(image);
    return new PreparedImage(input, thumbnail, image.width(), image.height());
  }

  /**
   * The model input for a picture that is already floats; the picture itself when it fits the spec.
   */
  public FloatImage toInput(FloatImage image) {
    return preprocessor.toInput(image);
  }
}
