package io.ainstruct.adapter.rest.admin;

import io.swagger.v3.oas.annotations.Parameter;
import io.ainstruct.adapter.rest.admin.AdminBodies.UpdateUserBody;
import io.ainstruct.adapter.rest.admin.AdminBodies.UsageHistory;
import io.ainstruct.adapter.rest.admin.AdminBodies.UsageHistoryItem;
import io.ainstruct.adapter.rest.admin.AdminBodies.UsageView;
import io.ainstruct.adapter.rest.admin.AdminBodies.UserDetailView;
import io.ainstruct.adapter.rest.admin.AdminBodies.UserList;
import io.ainstruct.adapter.rest.admin.AdminBodies.UserView;
import io.ainstruct.adapter.rest.MessageView;
import io.ainstruct.adapter.rest.auth.BearerToken;
import io.ainstruct.adapter.rest.auth.Callers;
import io.ainstruct.application.admin.AdminService;
import io.ainstruct.application.admin.UserChanges;
import io.ainstruct.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Administration; the application refuses every caller without the admin scope. */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminController {
    private final AdminService admin;
    private final Callers callers;

    AdminController(AdminService admin, Callers callers) {
        this.admin = admin;
        this.callers = callers;
    }

    @Get("/users")
    UserList list(@Parameter(hidden = true) BearerToken token, @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        return UserList.of(admin.list(callers.of(token), limit, offset));
    }

    @Get("/users/search")
    List<UserView> search(@Parameter(hidden = true) BearerToken token, @Nullable @QueryValue String query) {
        return admin.search(callers.of(token), query).stream().map(UserView::of).toList();
    }

    @Get("/users/{id}")
    UserDetailView get(@Parameter(hidden = true) BearerToken token, UUID id) {
        return UserDetailView.of(admin.get(callers.of(token), new UserId(id)));
    }

    @Patch("/users/{id}")
    UserDetailView update(@Parameter(hidden = true) BearerToken token, UUID id, @Body UpdateUserBody body) {
        var caller = callers.of(token);
        return UserDetailView.of(admin.update(caller, new UserId(id), new UserChanges(Optional.ofNullable(body.email()),
                Optional.ofNullable(body.username()), Optional.ofNullable(body.isActive()),
                Optional.ofNullable(body.isSuperuser()), Optional.ofNullable(body.password()))));
    }

    @Delete("/users/{id}")
    MessageView delete(@Parameter(hidden = true) BearerToken token, UUID id) {
        admin.delete(callers.of(token), new UserId(id));
        return new MessageView("User deleted successfully");
    }

    @Post("/users/{id}/promote")
    UserDetailView promote(@Parameter(hidden = true) BearerToken token, UUID id) {
        return UserDetailView.of(admin.promote(callers.of(token), new UserId(id)));
    }

    @Get("/usage/{userId}")
    UsageView usage(@Parameter(hidden = true) BearerToken token, UUID userId,
                    @Nullable @QueryValue("year_month") String yearMonth) {
        return UsageView.of(userId, admin.monthlyUsage(callers.of(token), new UserId(userId), yearMonth));
    }

    @Get("/usage/{userId}/history")
    UsageHistory history(@Parameter(hidden = true) BearerToken token, UUID userId, @Nullable @QueryValue Integer months) {
        var history = admin.usageHistory(callers.of(token), new UserId(userId), months).stream()
                .map(UsageHistoryItem::of).toList();
        return new UsageHistory(userId, history);
    }
}
