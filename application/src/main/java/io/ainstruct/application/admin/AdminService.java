package io.ainstruct.application.admin;

import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.application.validation.Require;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.field.FieldLimits;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.PasswordHasher;
import io.ainstruct.domain.port.RefreshTokenRepository;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.UsageRepository;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.domain.user.UserStats;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** User administration and usage reports; every method needs the {@code admin} scope. */
public final class AdminService {
    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_HISTORY_MONTHS = 6;
    public static final int MAX_HISTORY_MONTHS = 24;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final CollectionRepository collections;
    private final IndexingOutbox outbox;
    private final RefreshTokenRepository refreshTokens;
    private final UsageRepository usage;
    private final UnitOfWork uow;
    private final Clock clock;

    public AdminService(UserRepository users, PasswordHasher hasher, CollectionRepository collections, IndexingOutbox outbox,
                        RefreshTokenRepository refreshTokens, UsageRepository usage, UnitOfWork uow, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.collections = collections;
        this.outbox = outbox;
        this.refreshTokens = refreshTokens;
        this.usage = usage;
        this.uow = uow;
        this.clock = clock;
    }

    public Page<User> list(Caller caller, Integer limit, Integer offset) {
        admin(caller);
        return users.list(Require.range("limit", limit, 50, 1, MAX_PAGE_SIZE), Require.range("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    public List<User> search(Caller caller, String query) {
        admin(caller);
        return users.search(FieldLimits.USER_QUERY.require(query == null ? null : query.strip()), 50);
    }

    public UserStats get(Caller caller, UserId id) {
        admin(caller);
        return stats(id);
    }

    /**
     * Deactivating a user ends their sessions at once; their tokens stop working because users are checked per request.
     * A new password (an administrator's reset) also ends every login of theirs, as the user's own change does.
     */
    public UserStats update(Caller caller, UserId id, UserChanges changes) {
        admin(caller);
        boolean demotesOrDeactivates = changes.active().filter(a -> !a).isPresent()
                || changes.superuser().filter(s -> !s).isPresent();
        if (id.equals(caller.userId()) && demotesOrDeactivates) {
            throw new InvalidInput(ErrorCode.CANNOT_DEACTIVATE_SELF, "id", "administrators cannot deactivate or demote themselves");
        }
        Optional<String> newHash = changes.password().map(hasher::hash);
        return uow.inTransaction(() -> {
            User user = user(id);
            Instant now = clock.instant();
            User updated = new User(user.id(), changes.email().orElse(user.email()),
                    changes.username().orElse(user.username()), newHash.orElse(user.passwordHash()),
                    changes.active().orElse(user.active()), changes.superuser().orElse(user.superuser()), user.createdAt(), now);
            users.update(updated);
            if (!updated.active() || newHash.isPresent()) {
                refreshTokens.revokeAll(id, now);
            }
            return stats(id);
        });
    }

    public UserStats promote(Caller caller, UserId id) {
        return update(caller, id, new UserChanges(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true), Optional.empty()));
    }

    public void delete(Caller caller, UserId id) {
        admin(caller);
        if (id.equals(caller.userId())) {
            throw new InvalidInput(ErrorCode.CANNOT_DELETE_SELF, "id", "administrators cannot delete themselves");
        }
        uow.run(() -> {
            user(id);
            // The database cascades; the vector index learns of it through the outbox, like any collection deletion.
            collections.listByOwner(id, clock.instant())
                    .forEach(summary -> outbox.collectionDeleted(summary.collection().id()));
            users.delete(id);
        });
    }

    /** One month's counts by entry point (zero where there were none); {@code yearMonth} (YYYY-MM) defaults to this month. */
    public MonthlyUsage monthlyUsage(Caller caller, UserId id, String yearMonth) {
        admin(caller);
        YearMonth month = yearMonth == null ? YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)) : month(yearMonth);
        user(id);
        return MonthlyUsage.of(month, usage.history(id));
    }

    /** The {@code months} newest months that saw requests (default 6, at most 24), newest first. */
    public List<MonthlyUsage> usageHistory(Caller caller, UserId id, Integer months) {
        admin(caller);
        int count = Require.range("months", months, DEFAULT_HISTORY_MONTHS, 1, MAX_HISTORY_MONTHS);
        user(id);
        return MonthlyUsage.history(usage.history(id)).stream().limit(count).toList();
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("year_month", "must be a month as YYYY-MM, such as 2026-03");
        }
    }

    private User user(UserId id) {
        return users.findById(id).orElseThrow(AdminService::userNotFound);
    }

    private static NotFound userNotFound() {
        return new NotFound(ErrorCode.USER_NOT_FOUND, "User not found");
    }

    private UserStats stats(UserId id) {
        return users.stats(id).orElseThrow(AdminService::userNotFound);
    }

    private static void admin(Caller caller) {
        Capabilities.of(caller).require(Capability.ADMINISTER_USERS);
    }
}
