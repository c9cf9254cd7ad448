package dev.lookalike.index.lucene;

import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.image.CopySketch;
import dev.lookalike.index.BucketTerms;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Converts between {@link ImageRecord}s and Lucene documents. */
final class Documents {

  private Documents() {}

  /** The documents of images added together, numbered from {@code firstNode} in the graph. */
  static List<Document> toDocuments(
      List<ImageRecord> records, ModelIdentity model, long addedAt, int firstNode) {
    List<Document> docs = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      docs.add(toDocument(records.get(i), model, addedAt, firstNode + i));
    }
    return docs;
  }

  static Document toDocument(ImageRecord record, ModelIdentity model, long addedAt, int node) {
    int bits = model.bits();
    if (record.codes().dense().length != model.latent()) {
      throw new IllegalArgumentException(
          "image "
              + record.id()
              + " has a "
              + record.codes().dense().length
              + "-dimensional dense code but the index holds "
              + model.latent()
              + "-dimensional codes");
    }
    Document doc = new Document();
    doc.add(new StringField(IndexFields.ID, record.id(), Field.Store.YES));
    doc.add(new StoredField(IndexFields.URI, record.uri()));
    if (record.label() != null && !record.label().isBlank()) {
      doc.add(new StringField(IndexFields.LABEL, record.label(), Field.Store.YES));
    }
    record
        .metadata()
        .forEach((key, value) -> doc.add(new StoredField(IndexFields.META_PREFIX + key, value)));
    doc.add(new StoredField(IndexFields.ADDED, addedAt));
    doc.add(new IntField(IndexFields.NODE, node, Field.Store.NO));
    if (!Float.isNaN(record.reconstructionError())) {
      doc.add(
          new FloatDocValuesField(IndexFields.RECONSTRUCTION_ERROR, record.reconstructionError()));
      doc.add(new StoredField(IndexFields.RECONSTRUCTION_ERROR, record.reconstructionError()));
    }
    if (record.thumbnailPng().length > 0) {
      doc.add(new StoredField(IndexFields.THUMBNAIL, record.thumbnailPng()));
      // doc values, not stored: a search reads ~200 of them, and stored fields decompress a block
      CopySketch.ofThumbnail(record.thumbnailPng())
          .ifPresent(
              sketch ->
                  doc.add(new BinaryDocValuesField(IndexFields.SKETCH, new BytesRef(sketch))));
    }
    // DOT_PRODUCT: dense codes are unit length, where it equals cosine without the norms.
    doc.add(
        new KnnFloatVectorField(
            IndexFields.DENSE, record.codes().dense(), VectorSimilarityFunction.DOT_PRODUCT));
    long[] code = record.codes().bits();
    if (code.length != BinaryCodes.words(bits)) {
      throw new IllegalArgumentException(
          "image "
              + record.id()
              + " has a "
              + code.length * 64
              + "-bit code slot but the index holds "
              + bits
              + "-bit codes");
    }
    for (int w = 0; w < code.length; w++) {
      doc.add(new NumericDocValuesField(IndexFields.codeWord(w), code[w]));
    }
    for (String term : BucketTerms.of(code, bits)) {
      doc.add(new StringField(IndexFields.BUCKET, term, Field.Store.NO));
    }
    return doc;
  }

  static StoredImage toStoredImage(StoredFields fields, int doc) throws IOException {
    Document stored = fields.document(doc);
    Map<String, String> metadata = new TreeMap<>();
    for (IndexableField field : stored.getFields()) {
      if (field.name().startsWith(IndexFields.META_PREFIX)) {
        metadata.put(field.name().substring(IndexFields.META_PREFIX.length()), field.stringValue());
      }
    }
    IndexableField added = stored.getField(IndexFields.ADDED);
    IndexableField error = stored.getField(IndexFields.RECONSTRUCTION_ERROR);
    return new StoredImage(
        stored.get(IndexFields.ID),
        stored.get(IndexFields.URI),
        stored.get(IndexFields.LABEL),
        metadata,
        added == null ? 0 : added.numericValue().longValue(),
        error == null ? null : error.numericValue().floatValue());
  }
}
