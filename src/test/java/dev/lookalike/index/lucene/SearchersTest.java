package dev.lookalike.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Searchers refreshed by the read that needs it: every read sees the changes recorded before. */
class SearchersTest {

  private static Document doc(String id) {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.NO));
    return doc;
  }

  @Test
  void aReadAfterARecordedChangeSeesItAndReadsWithoutChangesShareOneReader() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig());
        Searchers searchers = new Searchers(new SearcherManager(writer, null))) {
      writer.addDocument(doc("a"));
      searchers.changed();
      IndexReader first = searchers.read(s -> s.getIndexReader());
      assertEquals(1, first.numDocs());
      assertSame(first, searchers.read(s -> s.getIndexReader()), "nothing changed: no refresh");

      writer.addDocument(doc("b"));
      searchers.changed();
      assertSame(first, searchers.readAsIs(s -> s.getIndexReader()), "as is: not refreshed");
      assertEquals(2, (int) searchers.read(s -> s.getIndexReader().numDocs()));
    }
  }

  @Test
  void concurrentWritersEachReadTheirOwnWrite() throws Exception {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig());
        Searchers searchers = new Searchers(new SearcherManager(writer, null))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> misses = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          misses.add(
              pool.submit(
                  () -> {
                    int missed = 0;
                    for (int i = 0; i < 200; i++) {
                      Term id = new Term("id", thread + "-" + i);
                      writer.addDocument(doc(id.text()));
                      searchers.changed();
                      if (searchers.read(s -> s.count(new TermQuery(id))) != 1) {
                        missed++;
                      }
                    }
                    return missed;
                  }));
        }
        for (Future<Integer> missed : misses) {
          assertEquals(0, (int) missed.get(), "writes a read after them did not see");
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(1600, (int) searchers.read(s -> s.getIndexReader().numDocs()));
    }
  }
}
