package io.ainstruct.adapter.web.page;

import io.ainstruct.application.admin.AdminService;
import io.ainstruct.application.admin.UserChanges;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Superusers' user administration: list, search, activate or deactivate, promote. AdminService decides who may. */
@Controller("/app/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminPages {
    private static final String PAGE = "/app/admin/users";
    private static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final AdminService admin;

    AdminPages(Pages pages, AdminService admin) {
        this.pages = pages;
        this.admin = admin;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        return pages.show(request, visit -> usersPage(visit, HttpStatus.OK, q, page, null));
    }

    @Post("/{id}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> setActive(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        Form form = Form.of(fields, PAGE);
        return pages.submit(request, form, visit -> {
            boolean active = "true".equals(form.get("active"));
            User user = admin.update(visit.caller(), new UserId(Ids.parse(id)),
                    UserChanges.activeOnly(active)).user();
            return visit.redirect(PAGE, new Notice(user.username() + (active ? " can log in again." : " is deactivated.")));
        }, (visit, error) -> usersPage(visit, HttpStatus.CONFLICT, null, null, error));
    }

    @Post("/{id}/promote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> promote(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        return pages.submit(request, Form.of(fields, PAGE), visit -> {
            User user = admin.promote(visit.caller(), new UserId(Ids.parse(id))).user();
            return visit.redirect(PAGE, new Notice(user.username() + " is now a superuser."));
        }, (visit, error) -> usersPage(visit, HttpStatus.CONFLICT, null, null, error));
    }

    private MutableHttpResponse<?> usersPage(Visit visit, HttpStatus status, String query, Integer page, String error) {
        Model model = Model.of("q", query == null ? "" : query, "error", error);
        List<User> users;
        if (query != null && !query.isBlank()) {
            users = admin.search(visit.caller(), query);
        } else {
            int pageNumber = page == null || page < 1 ? 1 : page;
            Page<User> found = admin.list(visit.caller(), PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
            users = found.items();
            model.with("previous", pageNumber > 1 ? PAGE + "?page=" + (pageNumber - 1) : null)
                    .with("next", (long) pageNumber * PAGE_SIZE < found.total() ? PAGE + "?page=" + (pageNumber + 1) : null);
        }
        model.with("users", users.stream().map(u -> Model.of("id", u.id().value().toString(), "username", u.username(),
                "email", u.email(), "active", u.active(), "superuser", u.superuser(), "created", Dates.day(u.createdAt()),
                "self", u.id().equals(visit.user().id()))).toList());
        visit.flash(Notice.class).ifPresent(n -> model.with("notice", n.text()));
        return visit.page(status, "admin-users", model);
    }
}
