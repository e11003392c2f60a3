package io.ainstruct.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword baseline: Lucene's BM25 (k1 0.9, b 0.4, the parameters BEIR's BM25 runs use) over title and text in
 * one field, English analysis (standard tokens, lower case, English stop words, Porter stemming), each query word an
 * optional term. In memory, in this JVM.
 */
final class Bm25Baseline implements AutoCloseable {
    static final String DESCRIPTION = "Lucene 9 BM25 (k1 0.9, b 0.4), title + text in one field, EnglishAnalyzer "
            + "(standard tokenizer, lower case, English stop words, Porter stemmer), every query word an optional term";
    private static final String ID = "id";
    private static final String BODY = "body";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final BM25Similarity similarity = new BM25Similarity(0.9f, 0.4f);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    Bm25Baseline(List<BeirDataset.Doc> corpus) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
            for (BeirDataset.Doc doc : corpus) {
                Document indexed = new Document();
                indexed.add(new StoredField(ID, doc.id()));
                indexed.add(new TextField(BODY, doc.title() + "\n" + doc.text(), Field.Store.NO));
                writer.addDocument(indexed);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
    }

    /** The ids of the best {@code k} documents, best first. */
    List<String> search(String query, int k) {
        try {
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            try (TokenStream tokens = analyzer.tokenStream(BODY, query)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    words.add(new TermQuery(new Term(BODY, term.toString())), BooleanClause.Occur.SHOULD);
                }
                tokens.end();
            }
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(words.build(), k).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ID));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
