package dev.lookalike.index;

import dev.lookalike.codes.Codes;

/**
 * Everything an index stores about one image.
 *
 * @param thumbnailPng the stored thumbnail; empty when none was stored
 * @param codes the stored codes, e.g. to search by an indexed image
 */
public record IndexedImage(StoredImage image, byte[] thumbnailPng, Codes codes) {

  public IndexedImage {
    if (image == null || codes == null) {
      throw new IllegalArgumentException("an indexed image needs its stored fields and codes");
    }
    thumbnailPng = thumbnailPng == null ? new byte[0] : thumbnailPng;
  }

  public String id() {
    return image.id();
  }
}
