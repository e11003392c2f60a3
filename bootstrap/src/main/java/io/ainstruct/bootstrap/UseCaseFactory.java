package io.ainstruct.bootstrap;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.application.access.RateLimiter;
import io.ainstruct.application.admin.AdminService;
import io.ainstruct.application.usage.OwnUsage;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.application.token.PersonalTokenService;
import io.ainstruct.application.usage.ActivityRecorder;
import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.health.ReadinessCheck;
import io.ainstruct.application.indexing.IndexingRelay;
import io.ainstruct.application.search.Fusion;
import io.ainstruct.application.search.HybridSettings;
import io.ainstruct.application.search.Reranking;
import io.ainstruct.application.search.SearchService;
import io.ainstruct.domain.chunking.ChunkingPolicy;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.port.CollectionAccessTokenRepository;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.KeywordIndex;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.PassageReader;
import io.ainstruct.domain.port.PasswordHasher;
import io.ainstruct.domain.port.PersonalAccessTokenRepository;
import io.ainstruct.domain.port.RefreshTokenRepository;
import io.ainstruct.domain.port.Tokenizer;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.UsageRepository;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.port.VectorIndex;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;
import java.time.Duration;

/** Wires the application's use cases to the ports' adapters; the use cases themselves know nothing of Micronaut. */
@Factory
class UseCaseFactory {
    // Long enough that a flood of readiness probes costs one database query a period, short enough for a balancer.
    private static final Duration READINESS_REUSED_FOR = Duration.ofSeconds(2);

    @Singleton
    CollectionAccess collectionAccess(CollectionRepository collections) {
        return new CollectionAccess(collections);
    }

    @Singleton
    ActivityRecorder activityRecorder(UsageRepository usage, PersonalAccessTokenRepository personalTokens,
                                      CollectionAccessTokenRepository collectionTokens, UnitOfWork uow) {
        return new ActivityRecorder(usage, personalTokens, collectionTokens, uow);
    }

    @Singleton
    Authenticator authenticator(AccessTokens accessTokens, UserRepository users, PersonalAccessTokenRepository personalTokens,
                                CollectionAccessTokenRepository collectionTokens, CollectionRepository collections,
                                ActivityRecorder activity, Clock clock) {
        return new Authenticator(accessTokens, users, personalTokens, collectionTokens, collections, activity, clock);
    }

    @Singleton
    AccountService accountService(UserRepository users, CollectionRepository collections, RefreshTokenRepository refreshTokens,
                                  PasswordHasher hasher, AccessTokens accessTokens, UnitOfWork uow, Clock clock,
                                  AinstructSettings settings) {
        return new AccountService(users, collections, refreshTokens, hasher, accessTokens, uow, clock,
                settings.getRefreshTokenLifetime(),
                new RateLimiter("login", settings.getLoginAttemptsPerMinute(), Duration.ofMinutes(1), clock),
                new RateLimiter("registration", settings.getRegistrationsPerHour(), Duration.ofHours(1), clock));
    }

    @Singleton
    PersonalTokenService personalTokenService(PersonalAccessTokenRepository tokens, UnitOfWork uow, Clock clock) {
        return new PersonalTokenService(tokens, uow, clock);
    }

    @Singleton
    CollectionTokenService collectionTokenService(CollectionAccessTokenRepository tokens, CollectionRepository collections,
                                                  CollectionAccess access, UnitOfWork uow, Clock clock) {
        return new CollectionTokenService(tokens, collections, access, uow, clock);
    }

    @Singleton
    AdminService adminService(UserRepository users, PasswordHasher hasher, CollectionRepository collections, IndexingOutbox outbox,
                              RefreshTokenRepository refreshTokens, UsageRepository usage, UnitOfWork uow, Clock clock) {
        return new AdminService(users, hasher, collections, outbox, refreshTokens, usage, uow, clock);
    }

    @Singleton
    OwnUsage ownUsage(UsageRepository usage, Clock clock) {
        return new OwnUsage(usage, clock);
    }

    @Singleton
    CollectionService collectionService(CollectionRepository collections, CollectionAccess access, IndexingOutbox outbox,
                                        UnitOfWork uow, Clock clock) {
        return new CollectionService(collections, access, outbox, uow, clock);
    }

    @Singleton
    MarkdownChunker chunker(Tokenizer tokenizer, AinstructSettings settings) {
        return new MarkdownChunker(tokenizer, new ChunkingPolicy(settings.getChunkMaxTokens(), settings.getChunkOverlapTokens()));
    }

    @Singleton
    DocumentService documentService(DocumentRepository documents, CollectionAccess access, IndexingOutbox outbox,
                                    MarkdownChunker chunker, Embedder embedder, UnitOfWork uow, Clock clock,
                                    AinstructSettings settings) {
        return new DocumentService(documents, access, outbox, chunker, embedder, uow, clock, settings.getMaxDocumentBytes());
    }

    /** Made at start, so that a mistyped setting refuses the start instead of the first search. */
    @Context
    HybridSettings hybridSettings(SearchConfiguration configuration) {
        try {
            return new HybridSettings(Fusion.parse(configuration.getFusion()), configuration.getRrfK(),
                    configuration.getVectorWeight(), configuration.getKeywordWeight(), configuration.getHybridCandidates());
        } catch (IllegalArgumentException e) {
            throw new StartupRefused("ainstruct.search (SEARCH_*): " + e.getMessage());
        }
    }

    @Singleton
    SearchService searchService(CollectionAccess access, Embedder embedder, VectorIndex index, KeywordIndex keywords,
                                PassageReader passages, Tokenizer tokenizer, UnitOfWork uow, HybridSettings hybrid,
                                Optional<Reranking> reranking) {
        return new SearchService(access, embedder, index, keywords, passages, tokenizer, uow, hybrid, reranking);
    }

    @Singleton
    ReadinessCheck readinessCheck(IndexingOutbox outbox, VectorIndex index, Embedder embedder, Clock clock) {
        return new ReadinessCheck(outbox, index, embedder, clock, READINESS_REUSED_FOR);
    }

    @Singleton
    IndexingRelay indexingRelay(IndexingOutbox outbox, DocumentRepository documents, VectorIndex index, UnitOfWork uow,
                                Clock clock, @Value("${ainstruct.indexing.max-backoff:5m}") Duration maxBackoff) {
        return new IndexingRelay(outbox, documents, index, uow, clock, maxBackoff);
    }
}
