package io.ainstruct.adapter.rest.admin;

import io.ainstruct.application.admin.MonthlyUsage;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserStats;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code /api/v1/admin}. */
final class AdminBodies {
    private AdminBodies() {
    }

    @Serdeable
    record UpdateUserBody(@Nullable String email, @Nullable String username, @Nullable Boolean isActive,
                          @Nullable Boolean isSuperuser, @Nullable String password) {
    }

    @Serdeable
    record UserView(UUID userId, String email, String username, boolean isActive, boolean isSuperuser, Instant createdAt,
                    Instant updatedAt) {
        static UserView of(User u) {
            return new UserView(u.id().value(), u.email(), u.username(), u.active(), u.superuser(), u.createdAt(), u.updatedAt());
        }
    }

    @Serdeable
    record UserDetailView(UUID userId, String email, String username, boolean isActive, boolean isSuperuser, Instant createdAt,
                          Instant updatedAt, long collectionCount, long patCount, long catCount) {
        static UserDetailView of(UserStats s) {
            User u = s.user();
            return new UserDetailView(u.id().value(), u.email(), u.username(), u.active(), u.superuser(), u.createdAt(),
                    u.updatedAt(), s.collectionCount(), s.patCount(), s.catCount());
        }
    }

    @Serdeable
    record UserList(List<UserView> users, long total, int limit, int offset) {
        static UserList of(Page<User> page) {
            return new UserList(page.items().stream().map(UserView::of).toList(), page.total(), page.limit(), page.offset());
        }
    }

    /** REST requests are counted as {@code api_requests}, the Python service's name for them. */
    @Serdeable
    record UsageView(UUID userId, String yearMonth, long apiRequests, long mcpRequests, long totalRequests) {
        static UsageView of(UUID user, MonthlyUsage usage) {
            return new UsageView(user, usage.month().toString(), usage.requests().get(EntryPoint.REST),
                    usage.requests().get(EntryPoint.MCP), usage.total());
        }
    }

    /** A month of the history; the Python service names its sum {@code total} here, not {@code total_requests}. */
    @Serdeable
    record UsageHistoryItem(String yearMonth, long apiRequests, long mcpRequests, long total) {
        static UsageHistoryItem of(MonthlyUsage usage) {
            return new UsageHistoryItem(usage.month().toString(), usage.requests().get(EntryPoint.REST),
                    usage.requests().get(EntryPoint.MCP), usage.total());
        }
    }

    @Serdeable
    record UsageHistory(UUID userId, List<UsageHistoryItem> history) {
    }
}
