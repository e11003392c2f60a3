package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read of one statement (or of statements that need not agree with each other): it joins the transaction in
 * progress, and outside one it runs in auto-commit on the connection at hand, instead of opening a transaction of its
 * own. Under READ COMMITTED a transaction gives each statement its own snapshot anyway; it would only add a COMMIT
 * round trip to every request (the token check, the document and collection lookups of a GET).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transactional(propagation = TransactionDefinition.Propagation.SUPPORTS, readOnly = true)
@interface SingleStatementRead {
}
