package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.port.UnitOfWork;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * A unit of work is one JDBC transaction. Every repository of this adapter joins the transaction in progress,
 * and a unit of work started inside another one joins it too.
 */
@Singleton
@TranslatesDatabaseFailures
class PostgresUnitOfWork implements UnitOfWork {
    private final TransactionOperations<Connection> transactions;

    PostgresUnitOfWork(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return transactions.executeRead(status -> work.get());
    }
}
