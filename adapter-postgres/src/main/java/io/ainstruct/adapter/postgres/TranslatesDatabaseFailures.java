package io.ainstruct.adapter.postgres;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean of this adapter whose public methods must never let a database outage out as a raw JDBC error:
 * {@link DatabaseFailureInterceptor} turns it into the domain's {@code Unavailable}, so every entry point answers
 * "try again" (503, an MCP tool error) instead of an internal error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Around
@interface TranslatesDatabaseFailures {
}
