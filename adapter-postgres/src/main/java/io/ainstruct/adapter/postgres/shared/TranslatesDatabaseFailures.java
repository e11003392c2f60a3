package io.ainstruct.adapter.postgres.shared;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean of this adapter whose methods must never let a database outage out as a raw JDBC error:
 * {@link DatabaseFailureInterceptor} turns it into the domain's {@code Unavailable}, so every entry point answers
 * "try again" (503, an MCP tool error) instead of an internal error. The in-process vector index is no bean; the
 * beans it reads through carry the mark instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Around
public @interface TranslatesDatabaseFailures {
}
