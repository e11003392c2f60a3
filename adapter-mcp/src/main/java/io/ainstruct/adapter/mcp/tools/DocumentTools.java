package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.application.access.Capability;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.document.DocumentChanges;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.document.NewDocument;
import io.ainstruct.application.search.SearchMode;
import io.ainstruct.application.search.SearchRequest;
import io.ainstruct.application.search.SearchService;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.field.FieldLimits;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The document tools, named as the Python service names them so agents' configurations keep working. */
@Singleton
public class DocumentTools {
    private static final List<String> TYPES = Arrays.stream(DocumentType.values()).map(DocumentType::wireName).toList();
    private static final List<String> MODES = Arrays.stream(SearchMode.values()).map(SearchMode::wireName).toList();
    private static final String METADATA_BOUNDS = "At most " + FieldLimits.METADATA.maxBytes() + " bytes of JSON, "
            + FieldLimits.METADATA.maxKeys() + " keys in all and " + FieldLimits.METADATA.maxDepth() + " levels "
            + "(else METADATA_TOO_LARGE).";
    private static final String COLLECTION_HINT = "Collection id (personal access tokens only; a collection token always "
            + "works in its own collection).";

    private final DocumentService documents;
    private final SearchService search;
    private final CollectionService collections;

    DocumentTools(DocumentService documents, SearchService search, CollectionService collections) {
        this.documents = documents;
        this.search = search;
        this.collections = collections;
    }

    public List<ToolSpec> tools() {
        return List.of(
                new ToolSpec("store_document_tool", "Store a document (markdown by default). It is split into chunks and "
                        + "embedded so search_documents_tool finds it by meaning. Storing identical content twice in a "
                        + "collection returns the existing document. Without collection_id a personal token stores into "
                        + "the user's 'default' collection.",
                        Schema.object().text("title", "Title", FieldLimits.DOCUMENT_TITLE, true)
                                .string("content", "The text, up to the server's size limit (10 MB by default).", true)
                                .choice("document_type", "Format of the content; default markdown.", TYPES, false)
                                .object("doc_metadata", "Free-form JSON object stored with the document; searchable by key/value. "
                                        + METADATA_BOUNDS)
                                .uuid("collection_id", COLLECTION_HINT + " Default: 'default'.", false).build(),
                        Capability.WRITE_DOCUMENTS, this::store),
                new ToolSpec("search_documents_tool", "Search: returns the passages that best answer the query, best first, "
                        + "and formatted_context, markdown ready to paste into a prompt, cut at max_tokens. By default "
                        + "(hybrid) it ranks by meaning and by exact words at once, so error codes, names and "
                        + "identifiers are found as well as paraphrases.",
                        Schema.object().text("query", "What to look for, in natural language", FieldLimits.SEARCH_QUERY, true)
                                .integer("max_results", "How many passages at most; default " + SearchRequest.DEFAULT_MAX_RESULTS + ".", 1,
                                        SearchRequest.MAX_RESULTS)
                                .integer("max_tokens", "Token budget of formatted_context; default " + SearchRequest.DEFAULT_MAX_TOKENS + ".", 1,
                                        SearchRequest.MAX_TOKENS)
                                .uuid("collection_id", COLLECTION_HINT + " Default: every collection the token may read.", false)
                                .choice("document_type", "Only documents of this type.", TYPES, false)
                                .object("metadata", "Only documents whose metadata has these key/value pairs (scalar values).")
                                .choice("search_mode", "hybrid (default): meaning and words fused; semantic: meaning "
                                        + "only; keyword: words only (BM25).", MODES, false)
                                .number("score_threshold", "Drop passages whose cosine similarity to the query is below "
                                        + "this (-1..1); not used in keyword mode.").build(),
                        Capability.READ_DOCUMENTS, this::search),
                new ToolSpec("get_document_tool", "Get one document with its full content.",
                        Schema.object().uuid("document_id", "The document's id.", true).build(),
                        Capability.READ_DOCUMENTS, this::get),
                new ToolSpec("list_documents_tool", "List documents (without content), newest first, with paging.",
                        Schema.object().uuid("collection_id", COLLECTION_HINT + " Default: every readable collection.", false)
                                .integer("limit", "Page size; default " + DocumentService.DEFAULT_PAGE_SIZE + ".", 1, DocumentService.MAX_PAGE_SIZE)
                                .integer("offset", "How many to skip; default 0.", 0, Integer.MAX_VALUE).build(),
                        Capability.READ_DOCUMENTS, this::list),
                new ToolSpec("update_document_tool", "Change a document's title, content, type or metadata; only the given "
                        + "fields change. New content is re-chunked and re-embedded.",
                        Schema.object().uuid("document_id", "The document's id.", true)
                                .text("title", "New title", FieldLimits.DOCUMENT_TITLE, false)
                                .string("content", "New content.", false)
                                .choice("document_type", "New type.", TYPES, false)
                                .object("doc_metadata", "New metadata (replaces the old object). " + METADATA_BOUNDS).build(),
                        Capability.WRITE_DOCUMENTS, this::update),
                new ToolSpec("delete_document_tool", "Delete a document and its chunks.",
                        Schema.object().uuid("document_id", "The document's id.", true).build(),
                        Capability.WRITE_DOCUMENTS, this::delete),
                new ToolSpec("move_document_tool", "Move a document into another of the user's collections.",
                        Schema.object().uuid("document_id", "The document's id.", true)
                                .uuid("target_collection_id", "The collection to move it to.", true).build(),
                        Capability.MANAGE_ACCOUNT, this::move));
    }

    private Object store(Caller caller, Args args) {
        CollectionId collection = args.optionalId("collection_id").map(CollectionId::new)
                .orElseGet(() -> collections.defaultCollectionOf(caller));
        return Views.stored(documents.store(caller, new NewDocument(collection, args.string("title"), args.string("content"),
                type(args), args.object("doc_metadata").orElse(null))));
    }

    private Object search(Caller caller, Args args) {
        return Views.search(search.search(caller, SearchRequest.of(args.string("query"),
                args.optionalId("collection_id").map(CollectionId::new), args.integer("max_results"),
                args.integer("max_tokens"), args.optionalString("document_type").map(t -> DocumentType.parse("document_type", t)),
                args.object("metadata").orElse(null), args.number("score_threshold"),
                args.optionalString("search_mode").orElse(null))));
    }

    private Object get(Caller caller, Args args) {
        return Views.document(documents.get(caller, new DocumentId(args.id("document_id"))));
    }

    private Object list(Caller caller, Args args) {
        return Views.documents(documents.list(caller, args.optionalId("collection_id").map(CollectionId::new),
                args.integer("limit"), args.integer("offset")));
    }

    private Object update(Caller caller, Args args) {
        DocumentChanges changes = new DocumentChanges(args.optionalString("title"), args.optionalString("content"),
                args.optionalString("document_type").map(t -> DocumentType.parse("document_type", t)),
                args.object("doc_metadata"), Optional.empty());
        return Views.document(documents.update(caller, new DocumentId(args.id("document_id")), changes));
    }

    private Object delete(Caller caller, Args args) {
        DocumentId id = new DocumentId(args.id("document_id"));
        documents.delete(caller, id);
        return Map.of("deleted", true, "id", id.toString());
    }

    private Object move(Caller caller, Args args) {
        DocumentChanges changes = new DocumentChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new CollectionId(args.id("target_collection_id"))));
        return Views.document(documents.update(caller, new DocumentId(args.id("document_id")), changes));
    }

    private static DocumentType type(Args args) {
        return args.optionalString("document_type").map(t -> DocumentType.parse("document_type", t)).orElse(DocumentType.MARKDOWN);
    }
}
