package dev.lookalike.collection;

import dev.lookalike.codes.Codes;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.IndexStats;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An index that counts its commits and otherwise is the index it wraps. */
final class CountingCommits implements ImageIndex {

  private final ImageIndex index;
  private int commits;

  CountingCommits(ImageIndex index) {
    this.index = index;
  }

  int commits() {
    return commits;
  }

  @Override
  public void commit() throws IOException {
    commits++;
    index.commit();
  }

  @Override
  public void finishBulk() throws IOException {
    index.finishBulk();
  }

  @Override
  public IndexSnapshot snapshot(Path target) throws IOException {
    return index.snapshot(target);
  }

  @Override
  public void add(List<ImageRecord> records) throws IOException {
    index.add(records);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return index.delete(id);
  }

  @Override
  public Set<String> existing(Collection<String> ids) throws IOException {
    return index.existing(ids);
  }

  @Override
  public Map<String, byte[]> thumbnails(Collection<String> ids) throws IOException {
    return index.thumbnails(ids);
  }

  @Override
  public Optional<IndexedImage> get(String id) throws IOException {
    return index.get(id);
  }

  @Override
  public List<IndexedImage> scan(String afterId, int limit) throws IOException {
    return index.scan(afterId, limit);
  }

  @Override
  public List<Hit> search(Codes query, SearchParams params) throws IOException {
    return index.search(query, params);
  }

  @Override
  public long count() throws IOException {
    return index.count();
  }

  @Override
  public IndexStats stats() throws IOException {
    return index.stats();
  }

  @Override
  public CollectionAnalytics analytics() {
    return index.analytics();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
