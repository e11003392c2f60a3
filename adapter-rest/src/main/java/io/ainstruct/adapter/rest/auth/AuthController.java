package io.ainstruct.adapter.rest.auth;

import io.swagger.v3.oas.annotations.Parameter;
import io.ainstruct.adapter.rest.auth.AuthBodies.LoginBody;
import io.ainstruct.adapter.rest.MessageView;
import io.ainstruct.adapter.rest.auth.AuthBodies.PasswordChangeBody;
import io.ainstruct.adapter.rest.auth.AuthBodies.RefreshBody;
import io.ainstruct.adapter.rest.auth.AuthBodies.RegisterBody;
import io.ainstruct.adapter.rest.auth.AuthBodies.TokenPairView;
import io.ainstruct.adapter.rest.auth.AuthBodies.UserView;
import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.account.Registration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {
    private final AccountService accounts;
    private final Callers callers;
    private final ClientAddress clientAddress;

    AuthController(AccountService accounts, Callers callers, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.callers = callers;
        this.clientAddress = clientAddress;
    }

    @Post("/register")
    @Status(HttpStatus.CREATED)
    UserView register(HttpRequest<?> request, @Body RegisterBody body) {
        return UserView.of(accounts.register(new Registration(body.username(), body.email(), body.password()),
                clientAddress.of(request)));
    }

    @Post("/login")
    TokenPairView login(HttpRequest<?> request, @Body LoginBody body) {
        return TokenPairView.of(accounts.login(body.login(), body.password(), clientAddress.of(request)));
    }

    @Post("/refresh")
    TokenPairView refresh(@Body RefreshBody body) {
        return TokenPairView.of(accounts.refresh(body.refreshToken()));
    }

    /** Ends the login of this refresh token (and every token refreshed from it); its access token lapses within 30 minutes. */
    @Post("/logout")
    MessageView logout(@Body RefreshBody body) {
        accounts.logout(body.refreshToken());
        return new MessageView("Logged out");
    }

    /** Ends every login of the caller, this one included, and answers the pair that carries on. */
    @Post("/password")
    TokenPairView changePassword(@Parameter(hidden = true) BearerToken token, @Body PasswordChangeBody body) {
        return TokenPairView.of(accounts.changePassword(callers.of(token), body.currentPassword(), body.newPassword()));
    }

    @Get("/profile")
    UserView profile(@Parameter(hidden = true) BearerToken token) {
        return UserView.of(accounts.profile(callers.of(token)));
    }
}
